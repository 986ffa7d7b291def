package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.conclave.model.ProjectKind;
import dev.conclave.model.ScanDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small projects of each kind, each decided by what its manifests and folders say. */
class ProjectKindIsReadFromManifestsAndStructureTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    /** Files as {@code path=content} pairs separated by {@code ;}, with {@code \n} for line breaks. */
    private ScanDigest scan(String files) {
        List<ProjectFile> project = new ArrayList<>();
        for (String file : files.split(";")) {
            int eq = file.indexOf('=');
            project.add(new ProjectFile(file.substring(0, eq).strip(), file.substring(eq + 1).replace("\\n", "\n") + "\n"));
        }
        return scanner.scan(project, "kind");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Python library                     | LIBRARY  | pyproject.toml=[project]\\nname = "humanize"\\nversion = "4.0"\\ndependencies = ["idna"]; src/humanize/__init__.py=def naturalsize(n):\\n    return str(n)
            a Flask app                          | SERVICE  | requirements.txt=flask==3.0\\ngunicorn; app.py=from flask import Flask\\napp = Flask(__name__)
            Flask itself is no Flask service     | LIBRARY  | pyproject.toml=[project]\\nname = "Flask"\\nversion = "3.0"\\ndependencies = ["Werkzeug>=3.0"]; src/flask/app.py=class Flask:\\n    pass
            Flask, whose README calls it one     | LIBRARY  | README.md=# Flask\\n\\nFlask is a lightweight [WSGI] web application framework.; pyproject.toml=[project]\\nname = "Flask"\\nversion = "3.0"\\n\\n[project.scripts]\\nflask = "flask.cli:main"
            a tool whose README says so          | CLI      | README.md=# hey\\n\\nhey is a command-line tool built on the click framework.; pyproject.toml=[project]\\nname = "hey"\\nversion = "1.0"\\n\\n[project.scripts]\\nhey = "hey:main"
            python -m only prints a version      | LIBRARY  | pyproject.toml=[project]\\nname = "certifi"\\nversion = "2024.2.2"; certifi/__init__.py=from .core import where; certifi/core.py=def where():\\n    return "cacert.pem"; certifi/__main__.py=from certifi import where\\nprint(where())
            python -m that parses arguments      | CLI      | pyproject.toml=[project]\\nname = "serve"\\nversion = "1.0"; serve/__init__.py=x = 1; serve/__main__.py=import argparse\\nparser = argparse.ArgumentParser()\\nparser.parse_args()
            python -m beside a cli module        | CLI      | pyproject.toml=[project]\\nname = "weather"\\nversion = "1.0"; weather/__init__.py=x = 1; weather/cli.py=def main():\\n    pass; weather/__main__.py=from weather import cli\\ncli.main()
            an npm library                       | LIBRARY  | package.json={"name": "left-pad", "version": "1.3.0", "main": "index.js"}; index.js=module.exports = (s) => s;
            an Express API                       | SERVICE  | package.json={"name": "api", "dependencies": {"express": "^4.19.0"}}; src/index.js=require('express')().listen(3000);
            an npm command                       | CLI      | package.json={"name": "tldr", "version": "1.0.0", "bin": {"tldr": "bin/tldr.js"}}; bin/tldr.js=console.log(process.argv);
            a Rust binary with clap              | CLI      | Cargo.toml=[package]\\nname = "rg"\\nversion = "14.0.0"\\n\\n[dependencies]\\nclap = "4"; src/main.rs=fn main() {}
            a Rust library crate                 | LIBRARY  | Cargo.toml=[package]\\nname = "itoa"\\nversion = "1.0.0"; src/lib.rs=pub fn fmt() {}
            an Axum service                      | SERVICE  | Cargo.toml=[package]\\nname = "svc"\\nversion = "0.1.0"\\n\\n[dependencies]\\naxum = "0.7"; src/main.rs=fn main() {}
            a Go command                         | CLI      | go.mod=module example.com/hey\\n\\ngo 1.22; cmd/hey/main.go=package main\\n\\nfunc main() {}
            a Go library                         | LIBRARY  | go.mod=module example.com/slug\\n\\ngo 1.22; slug.go=package slug
            a Gin service                        | SERVICE  | go.mod=module example.com/api\\n\\nrequire github.com/gin-gonic/gin v1.9.1; main.go=package main
            a pnpm workspace                     | MONOREPO | pnpm-workspace.yaml=packages:\\n  - packages/*; package.json={"name": "root", "private": true}; packages/a/package.json={"name": "a"}; packages/b/package.json={"name": "b"}
            a Cargo workspace without a package  | MONOREPO | Cargo.toml=[workspace]\\nmembers = ["a", "b"]; a/Cargo.toml=[package]\\nname = "a"; b/Cargo.toml=[package]\\nname = "b"
            services without a root manifest     | MONOREPO | api/package.json={"name": "api"}; worker/pyproject.toml=[project]\\nname = "worker"
            a lone Go file                       | UNKNOWN  | main.go=package main\\n\\nfunc main() {}
            """)
    void isDetected(String description, ProjectKind expected, String files) {
        ScanDigest digest = scan(files);

        assertEquals(expected, digest.scores().projectKind(), description);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a library                    | pyproject.toml=[project]\\nname = "slugify"\\nversion = "1.0"; slugify/__init__.py=x = 1
            a command-line tool          | package.json={"name": "hey", "version": "1.0.0", "bin": "cli.js"}; cli.js=console.log(1)
            """)
    void nothingButAServiceIsAskedForAContainerImage(String description, String files) {
        ScanDigest digest = scan(files);

        assertFalse(digest.scores().findings().stream().anyMatch(f -> f.signal().equals("dockerfile")),
                () -> description + " was judged by a Dockerfile: " + digest.scores().findings());
    }
}
