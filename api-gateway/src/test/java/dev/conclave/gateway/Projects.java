package dev.conclave.gateway;

/** A small project as a JSON scan body, for tests that need any valid scan. */
final class Projects {

    static String greeter(String name) {
        return """
                {"name": "%s", "files": [
                  {"path": "README.md", "content": "# Greeter\\nGreets people.\\n"},
                  {"path": "greeter/app.py", "content": "def greet(name):\\n    return 'hi ' + name\\n"}
                ]}""".formatted(name);
    }

    private Projects() {
    }
}
