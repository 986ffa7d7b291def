package dev.conclave.scanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small project for tests, kept as three groups: files a scan must count, text files it must
 * leave out (vendored, build output, tool state), and binary files it must leave out. The same
 * fixture can be written to a directory or sent as a list of {@link ProjectFile}s.
 */
final class FixtureProject {

    final String name;
    final Map<String, String> counted = new LinkedHashMap<>();
    final Map<String, String> skippedText = new LinkedHashMap<>();
    final Map<String, byte[]> binary = new LinkedHashMap<>();

    FixtureProject(String name) {
        this.name = name;
    }

    FixtureProject file(String path, String content) {
        counted.put(path, content);
        return this;
    }

    FixtureProject without(String path) {
        counted.remove(path);
        return this;
    }

    FixtureProject skipped(String path, String content) {
        skippedText.put(path, content);
        return this;
    }

    FixtureProject binary(String path, byte[] content) {
        binary.put(path, content);
        return this;
    }

    Path writeTo(Path directory) throws IOException {
        for (var file : counted.entrySet()) {
            write(directory, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        for (var file : skippedText.entrySet()) {
            write(directory, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        for (var file : binary.entrySet()) {
            write(directory, file.getKey(), file.getValue());
        }
        return directory;
    }

    /** Every file, including the ones a scan must leave out, as a client would upload them. */
    List<ProjectFile> asProjectFiles() {
        List<ProjectFile> files = new ArrayList<>();
        counted.forEach((path, content) -> files.add(new ProjectFile(path, content)));
        skippedText.forEach((path, content) -> files.add(new ProjectFile(path, content)));
        // ISO-8859-1 maps every byte to one char, so NUL bytes survive as NUL chars.
        binary.forEach((path, content) -> files.add(new ProjectFile(path, new String(content, StandardCharsets.ISO_8859_1))));
        return files;
    }

    private static void write(Path directory, String path, byte[] content) throws IOException {
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    @Override
    public String toString() {
        return name;
    }

    // --- the fixtures --------------------------------------------------------------------

    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

    static FixtureProject python() {
        return new FixtureProject("weather")
                .file("README.md", """
                        # Weather

                        Prints the forecast for a city.

                        ## Installation

                        ```sh
                        pip install weather
                        ```

                        ## Usage

                        ```sh
                        python -m weather Oslo
                        ```
                        """)
                .file("pyproject.toml", """
                        [project]
                        name = "weather"
                        version = "0.1.0"
                        dependencies = ["requests"]

                        [tool.ruff]
                        line-length = 100
                        """)
                .file("requirements.txt", "requests==2.32.3\n")
                .file(".gitignore", "# local state\n.env\n*.egg-info/\n")
                .file("weather/__init__.py", "")
                .file("weather/__main__.py", "from weather.cli import main\n\nmain()\n")
                // No newline at the end: the last line still counts.
                .file("weather/cli.py", "\"\"\"Command line entry point.\"\"\"\nimport sys\n\n"
                        + "from weather.forecast import forecast\n\n\ndef main():\n"
                        + "    # TODO: proper argument parsing\n"
                        + "    city = sys.argv[1] if len(sys.argv) > 1 else \"Oslo\"\n"
                        + "    print(forecast(city))")
                .file("weather/forecast.py", "def forecast(city):\n    return f\"Sunny in {city}\"\n")
                .file("tests/test_forecast.py", """
                        from weather.forecast import forecast


                        def test_mentions_city():
                            assert "Oslo" in forecast("Oslo")
                        """)
                .skipped(".venv/lib/python3.12/site-packages/requests/__init__.py", "__version__ = '2.32.3'\n")
                .skipped(".git/HEAD", "ref: refs/heads/main\n")
                .skipped("weather/__pycache__/notes.txt", "cache\n")
                .skipped(".env", "WEATHER_API_KEY=not-for-the-digest\n")
                .skipped("weather.egg-info/PKG-INFO", "Name: weather\n")
                .binary("weather/cli.cpython-312.pyc", new byte[] {0x6f, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0});
    }

    static FixtureProject typescript() {
        return new FixtureProject("todo-api")
                .file("README.md", "Todo API\n========\n\nA tiny REST API for todos.\n")
                .file("package.json", """
                        {
                          "name": "todo-api",
                          "version": "1.0.0",
                          "scripts": { "build": "tsc", "test": "vitest" },
                          "devDependencies": { "typescript": "^5.6.0", "vitest": "^2.1.0" }
                        }
                        """)
                .file("tsconfig.json", "{ \"compilerOptions\": { \"outDir\": \"dist\", \"strict\": true } }\n")
                .file(".eslintrc.json", "{ \"extends\": [\"eslint:recommended\"] }\n")
                .file("Dockerfile", """
                        FROM node:22-alpine
                        COPY . .
                        RUN npm ci && npm run build
                        CMD ["node", "dist/index.js"]
                        """)
                .file("src/index.ts", "import { createServer } from './server';\n\ncreateServer().listen(3000);\n")
                .file("src/server.ts", """
                        import express from 'express';
                        import { todos } from './todos';

                        // One process serves the API and its health check.
                        export function createServer() {
                          const app = express();
                          app.get('/healthz', (_req, res) => res.send('ok'));
                          app.get('/todos', (_req, res) => res.json(todos()));
                          return app;
                        }
                        """)
                .file("src/todos.ts", "export function todos(): string[] {\n  return ['write tests'];\n}\n")
                .file("src/todos.test.ts", """
                        import { expect, test } from 'vitest';
                        import { todos } from './todos';

                        test('lists todos', () => {
                          expect(todos()).toContain('write tests');
                        });
                        """)
                .skipped("node_modules/left-pad/index.js", "module.exports = function leftPad() {};\n")
                .skipped("node_modules/left-pad/package.json", "{ \"name\": \"left-pad\" }\n")
                .skipped("dist/index.js", "require('./server').createServer().listen(3000);\n")
                .skipped("coverage/lcov.info", "TN:\nSF:src/todos.ts\n")
                .binary("public/logo.png", PNG_HEADER)
                // No binary extension: only the NUL bytes give it away.
                .binary("assets/blob.dat", new byte[] {'B', 'L', 'O', 'B', 0, 1, 2, 3, '\n'});
    }

    static FixtureProject java() {
        return new FixtureProject("shop")
                .file("README.md", "# Shop\n\nA shopping cart service.\n")
                .file("LICENSE", "MIT License\n\nCopyright (c) 2025 Example\n")
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>dev.example</groupId>
                          <artifactId>shop</artifactId>
                          <version>1.0.0</version>
                        </project>
                        """)
                .file(".github/workflows/build.yml", """
                        name: build
                        on: [push]
                        jobs:
                          build:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: actions/checkout@v4
                              - run: mvn -B verify
                        """)
                .file("src/main/java/dev/example/shop/ShopApplication.java", """
                        package dev.example.shop;

                        public class ShopApplication {
                            public static void main(String[] args) {
                                System.out.println(new Cart().total());
                            }
                        }
                        """)
                .file("src/main/java/dev/example/shop/Cart.java", """
                        package dev.example.shop;

                        import java.util.ArrayList;
                        import java.util.List;

                        /**
                         * The items a customer is about to buy.
                         */
                        public class Cart {
                            private final List<Integer> pricesInCents = new ArrayList<>();

                            // Cents, so that totals never suffer from floating point.
                            public int total() {
                                return pricesInCents.stream().mapToInt(Integer::intValue).sum();
                            }
                        }
                        """)
                .file("src/test/java/dev/example/shop/CartTest.java", """
                        package dev.example.shop;

                        import static org.junit.jupiter.api.Assertions.assertEquals;

                        import org.junit.jupiter.api.Test;

                        class CartTest {
                            @Test
                            void emptyCartCostsNothing() {
                                assertEquals(0, new Cart().total());
                            }
                        }
                        """)
                .file("src/main/resources/application.properties", "server.port=8080\n")
                .skipped("target/maven-status/inputs.lst", "src/main/java/dev/example/shop/Cart.java\n")
                .skipped(".git/config", "[core]\n\tbare = false\n")
                .skipped(".idea/workspace.xml", "<project version=\"4\"/>\n")
                .binary("src/main/resources/favicon.ico", new byte[] {0, 0, 1, 0, 1, 0, 16, 16});
    }

    static FixtureProject go() {
        return new FixtureProject("inventory")
                .file("README.md", """
                        # Inventory

                        Keeps stock counts behind a small HTTP API.

                        ## Installation

                            go install example.com/inventory/cmd/inventory@latest

                        ## Usage

                            inventory -addr :8080

                        ## Configuration

                        `INVENTORY_DB` names the database file.
                        """)
                .file("go.mod", "module example.com/inventory\n\ngo 1.23\n")
                .file(".gitignore", "/bin/\n*.out\n!keep.out\n")
                .file(".golangci.yml", "linters:\n  enable:\n    - govet\n    - errcheck\n")
                .file(".env.example", "INVENTORY_DB=inventory.db\n")
                .file("Dockerfile", """
                        FROM golang:1.23 AS build
                        COPY . /src
                        RUN cd /src && go build -o /inventory ./cmd/inventory
                        FROM gcr.io/distroless/base
                        COPY --from=build /inventory /inventory
                        ENTRYPOINT ["/inventory"]
                        """)
                .file(".github/workflows/ci.yml", "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                        + "    steps:\n      - uses: actions/checkout@v4\n      - run: go test ./...\n")
                .file("cmd/inventory/main.go", """
                        // Command inventory serves stock counts over HTTP.
                        package main

                        import (
                        	"net/http"

                        	"example.com/inventory/internal/store"
                        )

                        func main() {
                        	s := store.New()
                        	// Orchestrators probe this to decide whether to route traffic here.
                        	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
                        	http.HandleFunc("/stock", s.ServeHTTP)
                        	http.ListenAndServe(":8080", nil)
                        }
                        """)
                .file("internal/store/store.go", """
                        package store

                        import "net/http"

                        // Store counts items by name; the zero value is not usable, call New.
                        type Store struct {
                        	counts map[string]int
                        }

                        func New() *Store { return &Store{counts: map[string]int{}} }

                        func (s *Store) Add(name string, n int) {
                        	if n > 0 {
                        		s.counts[name] += n
                        	}
                        }

                        func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                        	w.Write([]byte(r.URL.Query().Get("name")))
                        }
                        """)
                .file("internal/store/store_test.go", """
                        package store

                        import "testing"

                        func TestAddIgnoresNegativeCounts(t *testing.T) {
                        	s := New()
                        	s.Add("bolt", -1)
                        	if s.counts["bolt"] != 0 {
                        		t.Fatal("negative count was added")
                        	}
                        }
                        """)
                .file("keep.out", "kept by a negation\n")
                .skipped("bin/inventory.sh", "#!/bin/sh\nexec ./inventory\n")
                .skipped("coverage.out", "mode: set\n")
                .skipped("vendor/github.com/lib/pq/conn.go", "package pq\n");
    }

    /** Three services in three languages with shared deployment and documentation, as many platforms are laid out. */
    static FixtureProject monorepo() {
        return new FixtureProject("platform")
                .file("README.md", """
                        # Platform

                        The API, the background worker and billing.

                        ## Getting started

                        Run `docker compose up`.

                        ## License

                        Apache-2.0, see LICENSE.
                        """)
                .file("LICENSE", "Apache License\nVersion 2.0, January 2004\n")
                .file(".gitignore", "node_modules/\n*.pyc\n.env\n/infra/.terraform/\n")
                .file("docs/architecture.md", "# Architecture\n\nThe API queues jobs for the worker.\n")
                .file("docs/openapi.yaml", "openapi: 3.1.0\ninfo:\n  title: Platform API\n  version: 1.0.0\npaths: {}\n")
                .file("docker-compose.yml", "services:\n  api:\n    build: services/api\n  worker:\n    build: services/worker\n")
                .file(".github/workflows/ci.yml", "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
                .file("deploy/k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n")
                .file("deploy/helm/platform/Chart.yaml", "apiVersion: v2\nname: platform\nversion: 0.1.0\n")
                .file("infra/main.tf", """
                        # The queue between the API and the worker.
                        resource "aws_sqs_queue" "jobs" {
                          name = "jobs"
                        }
                        """)
                .file("services/api/.gitignore", "coverage/\n*.local.ts\n")
                .file("services/api/package.json", "{\n  \"name\": \"api\",\n  \"scripts\": { \"test\": \"vitest\" }\n}\n")
                .file("services/api/Dockerfile", "FROM node:22-alpine\nCOPY . .\nCMD [\"node\", \"dist/index.js\"]\n")
                .file("services/api/src/index.ts", "import { routes } from './routes';\n\nroutes().listen(3000);\n")
                .file("services/api/src/routes.ts", """
                        import express from 'express';

                        /** The API's routes, with the probe the cluster uses. */
                        export function routes() {
                          const app = express();
                          app.get('/health', (_req, res) => res.send('ok'));
                          return app;
                        }
                        """)
                .file("services/api/src/routes.test.ts", "import { test } from 'vitest';\n\ntest('starts', () => {});\n")
                .file("services/worker/pyproject.toml", "[project]\nname = \"worker\"\n\n[tool.black]\nline-length = 100\n")
                .file("services/worker/Dockerfile", "FROM python:3.12-slim\nCOPY . .\nCMD [\"python\", \"-m\", \"worker\"]\n")
                .file("services/worker/worker/main.py", "from worker.jobs import run\n\n# FIXME: read the queue name from the environment\nrun('jobs')\n")
                .file("services/worker/worker/jobs.py", "def run(queue):\n    \"\"\"Process one batch from the queue.\"\"\"\n    return queue\n")
                .file("services/worker/tests/test_jobs.py", "from worker.jobs import run\n\n\ndef test_run():\n    assert run('q') == 'q'\n")
                .file("services/billing/go.mod", "module example.com/billing\n\ngo 1.23\n")
                .file("services/billing/main.go", "package main\n\nfunc main() {}\n")
                .skipped("services/api/node_modules/express/index.js", "module.exports = {};\n")
                .skipped("services/api/src/dev.local.ts", "export const token = 'local only';\n")
                .skipped("services/api/coverage/index.html", "<html></html>\n")
                .skipped(".env", "DATABASE_URL=postgres://localhost/platform\n")
                .skipped("infra/.terraform/providers/lock.json", "{}\n")
                .skipped("services/worker/worker/__pycache__/jobs.txt", "cache\n");
    }

    static List<FixtureProject> all() {
        return List.of(python(), typescript(), java(), go(), monorepo());
    }
}
