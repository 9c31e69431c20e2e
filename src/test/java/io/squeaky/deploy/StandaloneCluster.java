package io.squeaky.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink session cluster on this machine: one JobManager and several TaskManagers, each its
 * own JVM started from Flink's jars the way flink-dist's scripts start them (flink-dist itself is
 * not published), with memory flags computed by Flink's own {@code BashJavaUtils}, everything bound
 * to 127.0.0.1. Jobs are submitted through Flink's command-line client, also its own JVM.
 */
public final class StandaloneCluster implements AutoCloseable {

    static final int SLOTS_PER_TASK_MANAGER = 2;

    /** The module flags of Flink's stock configuration, for Java 17. */
    private static final List<String> MODULE_FLAGS =
            List.of(
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED");

    /**
     * What the README asks of a cluster's {@code env.java.opts.all}: Flink's launch scripts add
     * that setting to each process's command line, which this class builds itself.
     */
    private static final String AVRO_FAST_READ = "-Dorg.apache.avro.fastread=true";

    private final Path dir;
    private final Path conf;
    private final String classpath;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> byName = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private StandaloneCluster(Path dir, String classpath, int restPort) {
        this.dir = dir;
        this.conf = dir.resolve("conf");
        this.classpath = classpath;
        this.restPort = restPort;
    }

    public static StandaloneCluster start(Path dir, String classpath, int taskManagers)
            throws Exception {
        StandaloneCluster cluster = new StandaloneCluster(dir, classpath, freePort());
        try {
            cluster.writeConfiguration(freePort());
            cluster.launch(
                    "jobmanager",
                    "GET_JM_RESOURCE_PARAMS",
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
            for (int i = 1; i <= taskManagers; i++) {
                cluster.launch(
                        "taskmanager-" + i,
                        "GET_TM_RESOURCE_PARAMS",
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
            }
            cluster.awaitSlots(taskManagers * SLOTS_PER_TASK_MANAGER, Duration.ofSeconds(90));
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    public int restPort() {
        return restPort;
    }

    /** {@code flink run} through Flink's CLI against this cluster; returns what it printed. */
    CliResult run(Path jar, String mainClass, List<String> programArgs, Duration timeout)
            throws Exception {
        List<String> command = new ArrayList<>(java());
        command.addAll(
                List.of(
                        "org.apache.flink.client.cli.CliFrontend",
                        "run",
                        "-m",
                        "127.0.0.1:" + restPort,
                        "-c",
                        mainClass,
                        jar.toString()));
        command.addAll(programArgs);
        Path output = dir.resolve("cli.out");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        builder.environment().put("FLINK_CONF_DIR", conf.toString());
        Process cli = builder.start();
        boolean finished = cli.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            cli.destroyForcibly().waitFor();
        }
        return new CliResult(
                finished ? cli.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * {@code flink run} through Flink's CLI, left running: a streaming job's client follows it
     * until it ends. Its output goes to {@code name.out} beside the cluster's logs.
     */
    public Process submit(Path jar, String mainClass, List<String> programArgs, String name)
            throws IOException {
        List<String> command = new ArrayList<>(java());
        command.addAll(
                List.of(
                        "org.apache.flink.client.cli.CliFrontend",
                        "run",
                        "-m",
                        "127.0.0.1:" + restPort,
                        "-c",
                        mainClass,
                        jar.toString()));
        command.addAll(programArgs);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().put("FLINK_CONF_DIR", conf.toString());
        Process client = builder.start();
        processes.add(client);
        return client;
    }

    /** The process id of one TaskManager's JVM, to attach to it. */
    public long taskManagerPid(int number) {
        return byName.get("taskmanager-" + number).pid();
    }

    /** {@code kill -9} of one TaskManager's JVM, as when its host dies. */
    void killTaskManager(int number) throws InterruptedException {
        Process taskManager = byName.get("taskmanager-" + number);
        taskManager.destroyForcibly();
        taskManager.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts one more TaskManager, as a supervisor replaces one that died. */
    void startTaskManager(int number) throws Exception {
        launch(
                "taskmanager-" + number,
                "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    }

    /** What {@code flink run} printed, and how it exited (-1 when it timed out). */
    record CliResult(int exitCode, String output) {}

    public JsonNode rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /**
     * The TaskManagers holding a subtask of the job. The REST API lists a subtask with no location
     * as "(unassigned)" (one not deployed yet, or whose attempt was archived without one): that is
     * no TaskManager, so it is left out.
     */
    Set<String> taskManagersRunning(String jobId) throws IOException, InterruptedException {
        Set<String> used = new TreeSet<>();
        for (JsonNode vertex : rest("/jobs/" + jobId).path("vertices")) {
            String path = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText();
            for (JsonNode taskManager : rest(path + "/taskmanagers").path("taskmanagers")) {
                String id = taskManager.path("taskmanager-id").asText();
                if (id.startsWith("taskmanager-")) {
                    used.add(id);
                }
            }
        }
        return used;
    }

    JsonNode post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "POST " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The last lines of every process's log, for a failure message. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("== ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 30), lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            }
        } catch (IOException e) {
            text.append("(logs unreadable: ").append(e).append(")");
        }
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void writeConfiguration(int rpcPort) throws IOException {
        Files.createDirectories(conf);
        Files.writeString(
                conf.resolve("config.yaml"),
                """
                jobmanager:
                  bind-host: 127.0.0.1
                  rpc:
                    address: 127.0.0.1
                    port: %d
                  memory:
                    process:
                      size: 1024m
                taskmanager:
                  bind-host: 127.0.0.1
                  host: 127.0.0.1
                  rpc:
                    port: "0"
                  numberOfTaskSlots: %d
                  memory:
                    process:
                      size: 1728m
                    # A BATCH task's sort-based shuffle wants 512 buffers for each of its
                    # outputs, and the first stage has several: Flink's default (10%% of Flink
                    # memory, about 83 MB here) is not enough at parallelism 4.
                    network:
                      min: 256m
                      max: 256m
                rest:
                  address: 127.0.0.1
                  bind-address: 127.0.0.1
                  port: %d
                blob:
                  server:
                    port: "0"
                cluster:
                  evenly-spread-out-slots: true
                """
                        .formatted(rpcPort, SLOTS_PER_TASK_MANAGER, restPort));
        Files.writeString(
                conf.resolve("log4j.properties"),
                """
                rootLogger.level = INFO
                rootLogger.appenderRef.console.ref = Console
                appender.console.name = Console
                appender.console.type = Console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
                """);
    }

    /** Starts one cluster process with the JVM flags and settings Flink computes for it. */
    private void launch(String name, String resourceQuery, String mainClass) throws Exception {
        List<String> resources = bashJavaUtils(resourceQuery);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(Arrays.asList(resources.get(0).trim().split("\\s+")));
        command.addAll(MODULE_FLAGS);
        command.add(AVRO_FAST_READ);
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"));
        command.addAll(List.of("-cp", classpath, mainClass, "--configDir", conf.toString()));
        command.addAll(Arrays.asList(resources.get(1).trim().split("\\s+")));
        if (name.startsWith("taskmanager-")) {
            // Its name as its resource id, so that the REST API's placements name the process.
            command.addAll(List.of("-D", "taskmanager.resource-id=" + name));
        }
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".log").toFile())
                        .start();
        processes.add(process);
        byName.put(name, process);
    }

    /** The two result lines of Flink's BashJavaUtils: JVM flags, then dynamic settings. */
    private List<String> bashJavaUtils(String query) throws Exception {
        List<String> command = new ArrayList<>(java());
        command.addAll(
                List.of(
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        query,
                        "--configDir",
                        conf.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String prefix = "BASH_JAVA_UTILS_EXEC_RESULT:";
        List<String> results =
                printed.lines()
                        .filter(line -> line.startsWith(prefix))
                        .map(line -> line.substring(prefix.length()))
                        .toList();
        if (results.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + query + " printed:\n" + printed);
        }
        return results;
    }

    private void awaitSlots(int slots, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (byName.values().stream().anyMatch(process -> !process.isAlive())) {
                throw new AssertionError("a cluster process exited:\n" + logs());
            }
            try {
                if (rest("/overview").path("slots-total").asInt() >= slots) {
                    return;
                }
            } catch (IOException starting) {
                // The REST endpoint is not up yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the cluster did not offer " + slots + " slots:\n" + logs());
    }

    private List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx256m");
        command.addAll(MODULE_FLAGS);
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"));
        command.addAll(List.of("-cp", classpath));
        return command;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
