package io.squeaky.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.StreamingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.apache.flink.kubernetes.operator.api.spec.JobSpec;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the manifests under jobs/k8s/ to what the Flink Kubernetes Operator accepts: the CRD's
 * schema as the operator publishes it (what the API server checks with {@code kubectl apply
 * --validate=strict}), so a misspelt field fails the build instead of being dropped on a cluster,
 * and the operator's own resource classes (what the operator reads), which refuse wrong types and
 * enum values but ignore unknown fields by design ({@code @JsonIgnoreProperties(ignoreUnknown =
 * true)} on its spec classes). The job arguments in them must pass the job's own option parser.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("jobs/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Flink versions the operator releases for Flink 2.x list; the newest operator API on Maven
     * Central here (1.10.0) stops at v1_20, so these are added to its enum, and nothing else.
     */
    private static final Set<String> FLINK_2_VERSIONS = Set.of("v2_0", "v2_1", "v2_2");

    private static final CrdSchema DEPLOYMENT_SCHEMA =
            CrdSchema.load(
                    "/META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml",
                    "v1beta1",
                    Map.of(".spec.flinkVersion", FLINK_2_VERSIONS));

    @TempDir Path local;

    @Test
    void everyManifestIsAFlinkDeploymentTheOperatorAccepts() throws IOException {
        List<Path> manifests = manifests();
        assertThat(manifests)
                .extracting(p -> p.getFileName().toString())
                .contains("squeaky-stream.yaml", "squeaky-batch.yaml");
        for (Path manifest : manifests) {
            JsonNode tree = YAML.readTree(manifest.toFile());
            assertThat(tree.path("kind").asText())
                    .as(manifest.toString())
                    .isEqualTo("FlinkDeployment");
            assertThat(DEPLOYMENT_SCHEMA.violations(tree)).as(manifest.toString()).isEmpty();
            FlinkDeployment deployment = asOperatorReadsIt(tree);
            assertThat(deployment.getSpec().getJob().getJarURI())
                    .isEqualTo("local:///opt/flink/usrlib/squeaky-job.jar");
            assertThat(deployment.getSpec().getFlinkVersion())
                    .as("the operator's stand-in for a Flink 2.x version")
                    .isEqualTo(FlinkVersion.v1_20);
            String[] flink = EnvironmentInformation.getVersion().split("\\.");
            assertThat(tree.path("spec").path("flinkVersion").asText())
                    .isEqualTo("v" + flink[0] + "_" + flink[1]);
        }
    }

    @Test
    void theStreamingJobUpgradesThroughSavepointsOnObjectStorageWithItsSecrets()
            throws IOException {
        JsonNode tree = YAML.readTree(K8S.resolve("squeaky-stream.yaml").toFile());
        FlinkDeployment stream = asOperatorReadsIt(tree);
        JobSpec job = stream.getSpec().getJob();
        assertThat(job.getEntryClass()).isEqualTo("io.squeaky.jobs.StreamingJob");
        assertThat(job.getUpgradeMode()).isEqualTo(UpgradeMode.SAVEPOINT);
        Map<String, String> flink = stream.getSpec().getFlinkConfiguration();
        // The operator's savepoints and the job's checkpoints go where the job's own
        // --resume looks for them: under the output folder's _state and in --checkpoint-dir.
        List<String> args = List.of(job.getArgs());
        String output = args.get(args.indexOf("--output") + 1);
        assertThat(output).startsWith("s3://");
        assertThat(flink.get("execution.checkpointing.dir"))
                .isEqualTo(args.get(args.indexOf("--checkpoint-dir") + 1));
        assertThat(flink.get("execution.checkpointing.savepoint-dir"))
                .isEqualTo(output + "/_state/savepoints");
        assertThat(flink.get("metrics.reporter.prom.factory.class"))
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        JsonNode container = mainContainer(tree);
        assertThat(container.path("env").findValues("name"))
                .extracting(JsonNode::asText)
                .contains("SQUEAKY_SALT");
        assertThat(container.toString()).contains("\"secretKeyRef\":{\"name\":\"squeaky-salt\"");

        StreamingConfig config = StreamingConfig.fromArgs(locally(tree, job.getArgs()));
        assertThat(config.kafkaProperties()).isNotNull();
        assertThat(config.checkpointDir()).isNotNull();
    }

    @Test
    void theBatchRunsArgumentsAreTheBatchJobsAndItsSaltIsAMountedSecret() throws IOException {
        JsonNode tree = YAML.readTree(K8S.resolve("squeaky-batch.yaml").toFile());
        FlinkDeployment batch = asOperatorReadsIt(tree);
        JobSpec job = batch.getSpec().getJob();
        assertThat(job.getEntryClass()).isEqualTo("io.squeaky.jobs.BatchJob");
        assertThat(job.getUpgradeMode()).isEqualTo(UpgradeMode.STATELESS);

        BatchConfig config = BatchConfig.fromArgs(locally(tree, job.getArgs()));
        assertThat(config.eventInputs()).hasSize(1);
        assertThat(config.pipeline().output()).isNotBlank();
    }

    @Test
    void aMisspeltFieldAnywhereFailsBothChecks() throws IOException {
        JsonNode good = YAML.readTree(K8S.resolve("squeaky-stream.yaml").toFile());

        ObjectNode job = good.deepCopy();
        ObjectNode jobSpec = (ObjectNode) job.path("spec").path("job");
        jobSpec.set("upgradMode", jobSpec.remove("upgradeMode"));
        assertThat(DEPLOYMENT_SCHEMA.violations(job))
                .containsExactly(".spec.job.upgradMode: unknown field");

        ObjectNode version = good.deepCopy();
        ((ObjectNode) version.path("spec")).put("flinkVersion", "v2_9");
        assertThat(DEPLOYMENT_SCHEMA.violations(version))
                .singleElement()
                .asString()
                .startsWith(".spec.flinkVersion: 'v2_9' is not one of");
        assertThat(readFails(version)).contains("v2_9");

        ObjectNode pod = good.deepCopy();
        ObjectNode env = (ObjectNode) mainContainer(pod).path("env").get(0).path("valueFrom");
        env.set("secretRef", env.remove("secretKeyRef"));
        assertThat(DEPLOYMENT_SCHEMA.violations(pod))
                .containsExactly(
                        ".spec.podTemplate.spec.containers[0].env[0].valueFrom.secretRef: unknown field");

        ObjectNode type = good.deepCopy();
        ((ObjectNode) type.path("spec").path("taskManager")).put("replicas", "two");
        assertThat(DEPLOYMENT_SCHEMA.violations(type))
                .containsExactly(".spec.taskManager.replicas: expected integer, found STRING");
        assertThat(readFails(type)).contains("two");
    }

    @Test
    void theImageIsTheOfficialFlinkImageOfTheJobsFlinkVersionWithTheJarWhereManifestsLook()
            throws IOException {
        List<String> docker = Files.readAllLines(K8S.resolve("Dockerfile"), StandardCharsets.UTF_8);
        assertThat(docker)
                .contains("FROM flink:" + EnvironmentInformation.getVersion() + "-java17");
        assertThat(docker)
                .contains(
                        "COPY --chown=flink:flink target/squeaky-job.jar /opt/flink/usrlib/squeaky-job.jar")
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith(
                                                "ENV ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-"
                                                        + EnvironmentInformation.getVersion()
                                                        + ".jar"));
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /**
     * The resource as the operator deserialises it; unknown fields refused where it lets them be.
     */
    private static FlinkDeployment asOperatorReadsIt(JsonNode tree) throws IOException {
        return strictReader().treeToValue(tree, FlinkDeployment.class);
    }

    private static String readFails(JsonNode tree) {
        try {
            strictReader().treeToValue(tree, FlinkDeployment.class);
            return "read without complaint";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static ObjectMapper strictReader() {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(
                        new DeserializationProblemHandler() {
                            @Override
                            public Object handleWeirdStringValue(
                                    DeserializationContext context,
                                    Class<?> target,
                                    String value,
                                    String message) {
                                // The newest version this operator API knows stands in for 2.x.
                                return target == FlinkVersion.class
                                                && FLINK_2_VERSIONS.contains(value)
                                        ? FlinkVersion.v1_20
                                        : NOT_HANDLED;
                            }
                        });
    }

    private static JsonNode mainContainer(JsonNode tree) {
        for (JsonNode c : tree.path("spec").path("podTemplate").path("spec").path("containers")) {
            if (c.path("name").asText().equals("flink-main-container")) {
                return c;
            }
        }
        throw new AssertionError("no flink-main-container in the pod template");
    }

    /**
     * The arguments with what exists only on the cluster made local: object-storage URIs become
     * local folders, and files under a mounted Secret become files here, after checking that the
     * pod template mounts a Secret at that path.
     */
    private String[] locally(JsonNode tree, String[] args) throws IOException {
        List<String> mounts = new ArrayList<>();
        mainContainer(tree)
                .path("volumeMounts")
                .forEach(m -> mounts.add(m.path("mountPath").asText() + "/"));
        List<String> local = new ArrayList<>();
        int n = 0;
        for (String arg : args) {
            if (arg.startsWith("s3://")) {
                Path folder = Files.createDirectories(this.local.resolve("s3-" + n++));
                local.add(folder.toUri().toString());
            } else if (arg.startsWith("/") && !arg.startsWith("/tmp")) {
                assertThat(mounts).as(arg + " lies in a mounted volume").anyMatch(arg::startsWith);
                Path file = this.local.resolve("mounted-" + n++);
                Files.writeString(file, "secret\n");
                local.add(file.toString());
            } else {
                local.add(arg);
            }
        }
        return local.toArray(String[]::new);
    }
}
