package dev.conclave.llm;

import dev.conclave.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this process writes into metrics rows and role results: configured, else host and pid. */
@ApplicationScoped
public class WorkerIdentity {
    private final String name;

    public WorkerIdentity(LlmConfig config) {
        this.name = config.instance().orElseGet(WorkerIdentity::hostAndPid);
    }

    public String name() {
        return name;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
