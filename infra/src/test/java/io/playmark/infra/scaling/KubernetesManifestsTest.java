package io.playmark.infra.scaling;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The example Kubernetes manifests in {@code deploy/kubernetes} (docs/scaling.md), read into fabric8's Kubernetes
 * object model and checked for what running Playmark as several instances needs. No cluster is involved.
 * <p>
 * The read is strict: fabric8's model classes keep any field they do not know in {@code additionalProperties}
 * (a Jackson any-setter), so Jackson's {@code FAIL_ON_UNKNOWN_PROPERTIES} alone never fires on them, and a kind
 * or API version fabric8 does not know becomes a {@link GenericKubernetesResource}. The mapper here removes that
 * any-setter from every model class, so a misspelt or misplaced field fails the read, naming the field and class,
 * and an unknown kind fails too (its fields have nowhere to go).
 */
class KubernetesManifestsTest {

    private static final List<String> ROLES = List.of("command", "query", "jobs");
    private static final String API_SERVICE = "playmark";
    private static final int HTTP_PORT = 8080;
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    /** Variables that carry credentials: they must come from a Secret. */
    private static final Set<String> SECRET_VARIABLES =
            Set.of("PLAYMARK_MONGODB_URI", "PLAYMARK_ELASTICSEARCH_URIS", "PLAYMARK_ADMIN_API_KEY");
    /** Any other variable whose name says it holds a secret may not have a literal value either. */
    private static final Pattern SECRET_LIKE_NAME = Pattern.compile("(?i).*(KEY|SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIALS?)$");
    /** A URI with a user and password in it, as in {@code https://user:pass@host}. */
    private static final Pattern CREDENTIALS_IN_URI = Pattern.compile("[a-z][a-z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@",
                                                                     Pattern.CASE_INSENSITIVE);
    /** The settings every instance must agree on: the segment count applies when a projection first starts. */
    private static final List<String> SHARED_PROJECTION_SETTINGS = List.of(
            "PLAYMARK_PROJECTION_SEGMENTS", "PLAYMARK_PROJECTION_CLAIM_TIMEOUT", "PLAYMARK_PROJECTION_CLAIM_INTERVAL",
            "PLAYMARK_EVENT_STORE_FETCH_DELAY");
    private static final String PLACEHOLDER = "CHANGE-ME";

    private static final KubernetesSerialization STRICT = strictSerialization();

    private record Manifest(Path file, HasMetadata resource) {
    }

    private static List<Manifest> manifests;

    @BeforeAll
    static void readManifests() throws IOException {
        Path directory = manifestDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        assertThat(files).as("manifest files in %s", directory).isNotEmpty();
        manifests = new ArrayList<>();
        for (Path file : files) {
            List<HasMetadata> resources;
            try {
                resources = read(Files.readString(file));
            } catch (RuntimeException e) {
                throw new AssertionError(file + " does not read strictly into fabric8's Kubernetes model: " + e.getMessage(), e);
            }
            assertThat(resources).as("resources in %s", file).isNotEmpty();
            resources.forEach(resource -> manifests.add(new Manifest(file, resource)));
        }
    }

    @Test
    void everyManifestIsAKindTheModelKnowsAndEveryNameIsUnique() {
        Set<String> seen = new HashSet<>();
        for (Manifest manifest : manifests) {
            HasMetadata resource = manifest.resource();
            assertThat(resource).as("%s in %s", resource.getKind(), manifest.file())
                    .isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(resource.getMetadata()).as("metadata in %s", manifest.file()).isNotNull();
            assertThat(resource.getMetadata().getName()).as("a %s's name in %s", resource.getKind(), manifest.file())
                    .isNotBlank();
            assertThat(seen.add(resource.getKind() + "/" + resource.getMetadata().getName()))
                    .as("%s/%s is defined once", resource.getKind(), resource.getMetadata().getName()).isTrue();
        }
    }

    @Test
    void strictReadingRefusesWhatTheModelDoesNotKnow() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: playmark
                          image: example
                          livenessProbe:
                            httpGet: {path: /actuator/health/liveness, port: 8080}
                """;
        assertThat(read(deployment)).singleElement().isInstanceOf(Deployment.class);

        assertThatThrownBy(() -> read(deployment.replace("livenessProbe:", "livenesProbe:")))
                .hasMessageContaining("livenesProbe").hasMessageContaining("Container");
        assertThatThrownBy(() -> read(deployment.replace("replicas: 1", "replicas: 1\n  replica: 2")))
                .hasMessageContaining("replica").hasMessageContaining("DeploymentSpec");
        assertThatThrownBy(() -> read(deployment.replace("apps/v1", "apps/v1beta9")))
                .as("an API version the model does not know").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> read(deployment.replace("port: 8080", "port: {number: 8080}")))
                .as("a value of the wrong shape").isInstanceOf(RuntimeException.class);
    }

    @Test
    void eachRoleHasADeploymentWhoseContainerSetsThatRole() {
        for (String role : ROLES) {
            List<Deployment> withRole = deployments().stream()
                    .filter(deployment -> container(deployment).getEnv().stream()
                            .anyMatch(env -> env.getName().equals("PLAYMARK_ROLES") && role.equals(env.getValue())))
                    .toList();
            assertThat(withRole).as("Deployments whose container sets PLAYMARK_ROLES=%s", role).hasSize(1);
            assertThat(withRole.getFirst().getMetadata().getName()).isEqualTo("playmark-" + role);
        }
        for (Deployment deployment : deployments()) {
            EnvVar roles = env(deployment, "PLAYMARK_ROLES")
                    .orElseThrow(() -> new AssertionError(name(deployment) + " does not set PLAYMARK_ROLES"));
            assertThat(roles.getValueFrom()).as("%s: PLAYMARK_ROLES is a literal", name(deployment)).isNull();
            assertThat(roles.getValue()).as("%s: PLAYMARK_ROLES", name(deployment)).isIn(ROLES);
        }
    }

    @Test
    void everyDeploymentProbesTheHealthGroupsOnPort8080() {
        for (Deployment deployment : deployments()) {
            Container container = container(deployment);
            assertHttpProbe(deployment, "liveness", container.getLivenessProbe(), LIVENESS);
            assertHttpProbe(deployment, "readiness", container.getReadinessProbe(), READINESS);
            if (container.getStartupProbe() != null) {
                assertThat(container.getStartupProbe().getHttpGet()).as("%s: startup probe", name(deployment)).isNotNull();
                assertThat(port(container, container.getStartupProbe().getHttpGet().getPort()))
                        .as("%s: startup probe's port", name(deployment)).isEqualTo(HTTP_PORT);
            }
        }
    }

    @Test
    void theInstanceIdIsThePodNameFromTheDownwardApi() {
        for (Deployment deployment : deployments()) {
            EnvVar instanceId = env(deployment, "PLAYMARK_INSTANCE_ID")
                    .orElseThrow(() -> new AssertionError(name(deployment) + " does not set PLAYMARK_INSTANCE_ID"));
            assertThat(instanceId.getValue()).as("%s: PLAYMARK_INSTANCE_ID literal", name(deployment)).isNull();
            assertThat(instanceId.getValueFrom()).as("%s: PLAYMARK_INSTANCE_ID's source", name(deployment)).isNotNull();
            assertThat(instanceId.getValueFrom().getFieldRef()).as("%s: PLAYMARK_INSTANCE_ID's fieldRef", name(deployment))
                    .isNotNull();
            assertThat(instanceId.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        }
    }

    @Test
    void eachDeploymentHasADisruptionBudgetSelectingItsPodsAndNoOthers() {
        List<PodDisruptionBudget> budgets = resources(PodDisruptionBudget.class);
        for (Deployment deployment : deployments()) {
            Map<String, String> pods = podLabels(deployment);
            assertThat(selects(deployment.getSpec().getSelector(), pods))
                    .as("%s's selector matches its own pod template", name(deployment)).isTrue();
            List<PodDisruptionBudget> own = budgets.stream()
                    .filter(budget -> selects(budget.getSpec().getSelector(), pods)).toList();
            assertThat(own).as("PodDisruptionBudgets selecting the pods of %s", name(deployment)).hasSize(1);
            PodDisruptionBudget budget = own.getFirst();
            for (Deployment other : deployments()) {
                if (other != deployment) {
                    assertThat(selects(budget.getSpec().getSelector(), podLabels(other)))
                            .as("%s selects the pods of %s too", name(budget), name(other)).isFalse();
                }
            }
            assertAllowsADisruption(budget, deployment.getSpec().getReplicas());
        }
        assertThat(budgets).as("every PodDisruptionBudget belongs to a Deployment").hasSameSizeAs(deployments());
    }

    @Test
    void theApiServiceSendsToCommandPodsButNotToQueryOnlyOrJobsOnlyPods() {
        Service service = resources(Service.class).stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(API_SERVICE)).findFirst()
                .orElseThrow(() -> new AssertionError("no Service named " + API_SERVICE));
        Map<String, String> selector = service.getSpec().getSelector();
        assertThat(selector).as("the Service's selector").isNotEmpty();
        assertThat(service.getSpec().getSessionAffinity()).as("session affinity").isIn(null, "None");
        ServicePort http = service.getSpec().getPorts().stream().filter(port -> port.getPort() == HTTP_PORT).findFirst()
                .orElseThrow(() -> new AssertionError(API_SERVICE + " has no port " + HTTP_PORT));

        for (Deployment deployment : deployments()) {
            String role = env(deployment, "PLAYMARK_ROLES").map(EnvVar::getValue).orElseThrow();
            boolean selected = selects(selector, podLabels(deployment));
            if (!role.contains("command") && !role.equals("all")) {
                assertThat(selected).as("%s selects the %s-only pods of %s, which take no changes", API_SERVICE, role,
                        name(deployment)).isFalse();
            } else {
                assertThat(selected).as("%s selects the %s pods of %s", API_SERVICE, role, name(deployment)).isTrue();
                assertThat(port(container(deployment), http.getTargetPort() == null ? new IntOrString(HTTP_PORT)
                                                                                    : http.getTargetPort()))
                        .as("%s's target port in the pods of %s", API_SERVICE, name(deployment)).isEqualTo(HTTP_PORT);
            }
        }
        Set<String> selectedRoles = new HashSet<>();
        deployments().stream()
                .filter(deployment -> selects(selector, podLabels(deployment)))
                .forEach(deployment -> selectedRoles.add(env(deployment, "PLAYMARK_ROLES").orElseThrow().getValue()));
        assertThat(selectedRoles).containsExactly("command");
    }

    @Test
    void everyPodTakesTheClientAddressFromTheIngresssForwardedHeaders() {
        Map<String, String> config = resources(ConfigMap.class).getFirst().getData();
        for (Deployment deployment : deployments()) {
            EnvVar strategy = env(deployment, "SERVER_FORWARD_HEADERS_STRATEGY").orElseThrow(() -> new AssertionError(
                    name(deployment) + " sets no SERVER_FORWARD_HEADERS_STRATEGY: behind the ingress every client "
                            + "would have its address, and share its per-address limits"));
            String key = strategy.getValueFrom().getConfigMapKeyRef().getKey();
            assertThat(config.get(key)).as("%s's forward-headers strategy", name(deployment)).isEqualTo("native");
        }
    }

    @Test
    void secretsReachTheDeploymentsOnlyThroughSecretKeyRefsToKeysThatExist() {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        resources(Secret.class).forEach(secret -> secrets.put(secret.getMetadata().getName(), secretValues(secret)));
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        resources(ConfigMap.class).forEach(map -> configMaps.put(map.getMetadata().getName(), map.getData()));

        for (Deployment deployment : deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                String where = name(deployment) + ", container " + container.getName();
                for (String variable : SECRET_VARIABLES) {
                    assertThat(container.getEnv().stream().map(EnvVar::getName)).as("%s sets %s", where, variable)
                            .contains(variable);
                }
                Set<String> names = new HashSet<>();
                for (EnvVar env : container.getEnv()) {
                    assertThat(names.add(env.getName())).as("%s sets %s once", where, env.getName()).isTrue();
                    boolean secret = SECRET_VARIABLES.contains(env.getName()) || SECRET_LIKE_NAME.matcher(env.getName()).matches();
                    if (env.getValue() != null) {
                        assertThat(secret).as("%s: %s is a literal; it must come from a secretKeyRef", where, env.getName())
                                .isFalse();
                        assertThat(CREDENTIALS_IN_URI.matcher(env.getValue()).find())
                                .as("%s: %s holds a URI with credentials in it", where, env.getName()).isFalse();
                        continue;
                    }
                    assertThat(env.getValueFrom()).as("%s: %s has neither a value nor a source", where, env.getName())
                            .isNotNull();
                    var secretRef = env.getValueFrom().getSecretKeyRef();
                    var configMapRef = env.getValueFrom().getConfigMapKeyRef();
                    if (secret) {
                        assertThat(secretRef).as("%s: %s must come from a secretKeyRef", where, env.getName()).isNotNull();
                    }
                    if (secretRef != null) {
                        assertThat(secrets).as("%s: %s names Secret %s", where, env.getName(), secretRef.getName())
                                .containsKey(secretRef.getName());
                        assertThat(secrets.get(secretRef.getName())).as("%s: %s names key %s of Secret %s", where,
                                env.getName(), secretRef.getKey(), secretRef.getName()).containsKey(secretRef.getKey());
                    }
                    if (configMapRef != null) {
                        assertThat(configMaps).as("%s: %s names ConfigMap %s", where, env.getName(), configMapRef.getName())
                                .containsKey(configMapRef.getName());
                        assertThat(configMaps.get(configMapRef.getName())).as("%s: %s names key %s of ConfigMap %s",
                                where, env.getName(), configMapRef.getKey(), configMapRef.getName())
                                .containsKey(configMapRef.getKey());
                    }
                }
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getSecretRef() != null) {
                        assertThat(secrets).as("%s: envFrom names Secret %s", where, source.getSecretRef().getName())
                                .containsKey(source.getSecretRef().getName());
                    }
                }
            }
        }
    }

    @Test
    void theExampleSecretHoldsOnlyPlaceholders() {
        List<Secret> secrets = resources(Secret.class);
        assertThat(secrets).as("the example Secret").isNotEmpty();
        for (Secret secret : secrets) {
            secretValues(secret).forEach((key, value) -> assertThat(value)
                    .as("%s, key %s: an example value must read %s", name(secret), key, PLACEHOLDER)
                    .contains(PLACEHOLDER));
        }
    }

    @Test
    void everyInstanceTakesTheProjectionSettingsFromTheSameConfigMapKeys() {
        for (String variable : SHARED_PROJECTION_SETTINGS) {
            Set<String> sources = new HashSet<>();
            for (Deployment deployment : deployments()) {
                EnvVar env = env(deployment, variable)
                        .orElseThrow(() -> new AssertionError(name(deployment) + " does not set " + variable));
                assertThat(env.getValueFrom()).as("%s: %s's source", name(deployment), variable).isNotNull();
                var ref = env.getValueFrom().getConfigMapKeyRef();
                assertThat(ref).as("%s: %s comes from a ConfigMap", name(deployment), variable).isNotNull();
                sources.add(ref.getName() + "/" + ref.getKey());
            }
            assertThat(sources).as("where the Deployments read %s", variable).hasSize(1);
        }
    }

    @Test
    void everyContainerAsksForCpuAndMemoryWithinItsLimits() {
        for (Deployment deployment : deployments()) {
            var resources = container(deployment).getResources();
            assertThat(resources).as("%s: resources", name(deployment)).isNotNull();
            Map<String, Quantity> requests = resources.getRequests();
            Map<String, Quantity> limits = resources.getLimits();
            assertThat(requests).as("%s: requests", name(deployment)).containsKeys("cpu", "memory");
            assertThat(limits).as("%s: limits", name(deployment)).containsKey("memory");
            for (String resource : List.of("cpu", "memory")) {
                if (limits.containsKey(resource)) {
                    BigDecimal requested = amount(deployment, requests.get(resource));
                    BigDecimal limit = amount(deployment, limits.get(resource));
                    assertThat(requested).as("%s: %s request against its limit", name(deployment), resource)
                            .isLessThanOrEqualTo(limit);
                }
            }
        }
    }

    // --- reading -------------------------------------------------------------------------------------------------

    private static KubernetesSerialization strictSerialization() {
        SimpleModule strict = new SimpleModule("playmark-strict-kubernetes-model");
        strict.setDeserializerModifier(new NoAnySetterOnKubernetesModel());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(strict)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        // true: find the model's resource classes (Deployment, PodDisruptionBudget, ...) by kind and API version
        return new KubernetesSerialization(mapper, true);
    }

    /** Takes away the {@code additionalProperties} any-setter of fabric8's model classes, so unknown fields fail. */
    private static final class NoAnySetterOnKubernetesModel extends ValueDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier description,
                                                     BeanDeserializerBuilder builder) {
            if (description.getBeanClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
            }
            return builder;
        }
    }

    private static List<HasMetadata> read(String yaml) {
        Object read = STRICT.unmarshal(yaml);
        List<?> items = switch (read) {
            case KubernetesList list -> list.getItems();
            case List<?> list -> list;
            case null -> List.of();
            default -> List.of(read);
        };
        List<HasMetadata> resources = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                continue; // an empty document, e.g. after a trailing ---
            }
            if (!(item instanceof HasMetadata resource)) {
                throw new IllegalArgumentException("not a Kubernetes resource: " + item.getClass().getName());
            }
            if (resource instanceof GenericKubernetesResource) {
                throw new IllegalArgumentException(
                        "kind " + resource.getKind() + " of " + resource.getApiVersion() + " is not in fabric8's model");
            }
            resources.add(resource);
        }
        return resources;
    }

    private static Path manifestDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("deploy").resolve("kubernetes");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("no deploy/kubernetes above " + Path.of("").toAbsolutePath());
    }

    // --- looking up ----------------------------------------------------------------------------------------------

    private static <T extends HasMetadata> List<T> resources(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Deployment> deployments() {
        List<Deployment> deployments = resources(Deployment.class);
        assertThat(deployments).as("Deployments in the manifests").isNotEmpty();
        return deployments;
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("%s's containers", name(deployment)).hasSize(1);
        return containers.getFirst();
    }

    private static Optional<EnvVar> env(Deployment deployment, String name) {
        return container(deployment).getEnv().stream().filter(env -> env.getName().equals(name)).findFirst();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        var metadata = deployment.getSpec().getTemplate().getMetadata();
        assertThat(metadata).as("%s's pod template metadata", name(deployment)).isNotNull();
        return metadata.getLabels();
    }

    private static String name(HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getName();
    }

    private static Map<String, String> secretValues(Secret secret) {
        Map<String, String> values = new HashMap<>(secret.getStringData());
        secret.getData().forEach((key, base64) -> values.put(key, new String(Base64.getDecoder().decode(base64))));
        return values;
    }

    // --- judging -------------------------------------------------------------------------------------------------

    /** Only matchLabels are used in these manifests, so that this test can evaluate every selector exactly. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector).as("a label selector").isNotNull();
        assertThat(selector.getMatchExpressions()).as("matchExpressions (not evaluated here)").isEmpty();
        return selects(selector.getMatchLabels(), labels);
    }

    /** A Service's selector, or a selector's matchLabels: every label it names, with that value. */
    private static boolean selects(Map<String, String> wanted, Map<String, String> labels) {
        assertThat(wanted).as("labels to match").isNotEmpty();
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    private static void assertHttpProbe(Deployment deployment, String kind, Probe probe, String path) {
        assertThat(probe).as("%s: %s probe", name(deployment), kind).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("%s: %s probe is an HTTP GET", name(deployment), kind).isNotNull();
        assertThat(get.getPath()).as("%s: %s probe's path", name(deployment), kind).isEqualTo(path);
        assertThat(port(container(deployment), get.getPort())).as("%s: %s probe's port", name(deployment), kind)
                .isEqualTo(HTTP_PORT);
    }

    /** A port given as a number, or by the name of one of the container's ports. */
    private static int port(Container container, IntOrString port) {
        assertThat(port).as("a port").isNotNull();
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(candidate -> Objects.equals(candidate.getName(), port.getStrVal()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("container " + container.getName() + " has no port named "
                                                      + port.getStrVal()));
    }

    private static void assertAllowsADisruption(PodDisruptionBudget budget, Integer replicas) {
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        assertThat(maxUnavailable == null ^ minAvailable == null)
                .as("%s sets exactly one of maxUnavailable and minAvailable", name(budget)).isTrue();
        // a budget that allows no disruption at all blocks every node drain
        if (maxUnavailable != null && maxUnavailable.getIntVal() != null) {
            assertThat(maxUnavailable.getIntVal()).as("%s: maxUnavailable", name(budget)).isPositive();
        }
        if (minAvailable != null && minAvailable.getIntVal() != null) {
            assertThat(minAvailable.getIntVal()).as("%s: minAvailable against %s replicas", name(budget), replicas)
                    .isLessThan(replicas == null ? 1 : replicas);
        }
    }

    private static BigDecimal amount(Deployment deployment, Quantity quantity) {
        try {
            return Quantity.getAmountInBytes(quantity);
        } catch (RuntimeException e) {
            throw new AssertionError(name(deployment) + ": not a quantity: " + quantity, e);
        }
    }
}
