package dev.conclave.systemtests;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small but realistic projects to scan, as path to file content. */
public final class Projects {

    /**
     * A Flask to-do service: a README with sections, the application, a storage module, its tests
     * and a requirements file; deliberately no Dockerfile, no CI and no licence.
     */
    public static Map<String, String> flaskTodoService() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", """
                # todo-service

                A small HTTP service that keeps a to-do list per user, so that teams can share what is left to do.

                ## Installation

                ```
                python -m venv .venv && . .venv/bin/activate
                pip install -r requirements.txt
                ```

                ## Usage

                ```
                flask --app app.main run --port 8000
                curl -X POST localhost:8000/todos -d '{"title": "write the tests"}' -H 'Content-Type: application/json'
                ```

                ## Configuration

                `TODO_DB` names the SQLite file (default `todo.db`).

                ## Testing

                ```
                pytest
                ```
                """);
        files.put("requirements.txt", """
                flask==3.0.3
                pytest==8.2.0
                """);
        files.put("app/__init__.py", "");
        files.put("app/main.py", """
                import os

                from flask import Flask, jsonify, request

                from app.storage import TodoStore

                app = Flask(__name__)
                store = TodoStore(os.environ.get("TODO_DB", "todo.db"))


                @app.get("/todos")
                def list_todos():
                    return jsonify([todo.as_dict() for todo in store.all()])


                @app.post("/todos")
                def add_todo():
                    payload = request.get_json(force=True)
                    title = (payload or {}).get("title", "").strip()
                    if not title:
                        return jsonify({"error": "title is required"}), 400
                    return jsonify(store.add(title).as_dict()), 201


                @app.post("/todos/<int:todo_id>/done")
                def complete_todo(todo_id):
                    todo = store.complete(todo_id)
                    if todo is None:
                        return jsonify({"error": f"no todo {todo_id}"}), 404
                    return jsonify(todo.as_dict())


                if __name__ == "__main__":
                    app.run(port=8000)
                """);
        files.put("app/storage.py", """
                import sqlite3
                from dataclasses import dataclass, asdict


                @dataclass
                class Todo:
                    id: int
                    title: str
                    done: bool

                    def as_dict(self):
                        return asdict(self)


                class TodoStore:
                    def __init__(self, path):
                        self._db = sqlite3.connect(path, check_same_thread=False)
                        self._db.execute(
                            "create table if not exists todo (id integer primary key, title text not null, done integer default 0)")

                    def all(self):
                        rows = self._db.execute("select id, title, done from todo order by id").fetchall()
                        return [Todo(r[0], r[1], bool(r[2])) for r in rows]

                    def add(self, title):
                        cursor = self._db.execute("insert into todo (title) values (?)", (title,))
                        self._db.commit()
                        return Todo(cursor.lastrowid, title, False)

                    def complete(self, todo_id):
                        updated = self._db.execute("update todo set done = 1 where id = ?", (todo_id,)).rowcount
                        self._db.commit()
                        return Todo(todo_id, self._title(todo_id), True) if updated else None

                    def _title(self, todo_id):
                        return self._db.execute("select title from todo where id = ?", (todo_id,)).fetchone()[0]
                """);
        files.put("tests/test_app.py", """
                import pytest

                from app.main import app


                @pytest.fixture
                def client(tmp_path, monkeypatch):
                    monkeypatch.setenv("TODO_DB", str(tmp_path / "test.db"))
                    return app.test_client()


                def test_adding_a_todo_lists_it(client):
                    client.post("/todos", json={"title": "write the tests"})
                    assert any(t["title"] == "write the tests" for t in client.get("/todos").get_json())


                def test_a_todo_needs_a_title(client):
                    assert client.post("/todos", json={"title": " "}).status_code == 400
                """);
        return files;
    }

    /** The smallest project worth scanning: a README and one script. */
    public static Map<String, String> helloScript() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# hello\n\nPrints a greeting.\n\n## Usage\n\n`python hello.py`\n");
        files.put("hello.py", "print('hello')\n");
        return files;
    }

    private Projects() {
    }
}
