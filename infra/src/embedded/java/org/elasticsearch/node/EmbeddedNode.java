package org.elasticsearch.node;

import org.apache.lucene.util.Version;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.env.Environment;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginDescriptor;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.elasticsearch.xcontent.XContentBuilder;

import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A real Elasticsearch node, built in-process from the jars on the classpath: HTTP through {@link Netty4Plugin}
 * and a {@code GET /} handler, since the modules of a distribution (rest-root among them) are not on Maven Central.
 * <p>
 * It lives in {@code org.elasticsearch.node} to reach the package-private {@link NodeConstruction} and
 * {@link NodeServiceProvider}, the way Elasticsearch's own test {@code MockNode} does (which refuses to run as root).
 * <b>Internal APIs, written against Elasticsearch 9.2.2</b>: expect small edits on upgrades
 * (9.5 changed {@code PluginDescriptor} and {@code ActionPlugin.getRestHandlers}).
 */
public final class EmbeddedNode extends Node {

    /** The listener below fills a JVM-wide {@code SetOnce}: a second node in the same JVM would fail on it. */
    private static final AtomicBoolean nodeAndClusterIdListenerRegistered = new AtomicBoolean();

    public EmbeddedNode(Environment environment) {
        super(NodeConstruction.prepareConstruction(
                environment,
                PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false),
                new ClasspathPluginsProvider(List.of(new Netty4Plugin(), new RootInfoPlugin())),
                true));
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        // It only feeds the node and cluster ids to Elasticsearch's log4j layouts, which are not in use here.
        if (nodeAndClusterIdListenerRegistered.compareAndSet(false, true)) {
            super.configureNodeAndClusterIdStateListener(clusterService);
        }
    }

    private static final class ClasspathPluginsProvider extends NodeServiceProvider {
        private final List<Plugin> plugins;

        ClasspathPluginsProvider(List<Plugin> plugins) {
            this.plugins = plugins;
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
            return new ClasspathPluginsService(environment, pluginsLoader, plugins);
        }
    }

    /** Serves plugin instances from the classpath instead of loading bundles from a plugins directory. */
    private static final class ClasspathPluginsService extends PluginsService {
        private final List<?> loadedPlugins;

        ClasspathPluginsService(Environment environment, PluginsLoader emptyLoader, List<Plugin> plugins) {
            super(environment.settings(), environment.configDir(), emptyLoader);
            this.loadedPlugins = plugins.stream().map(ClasspathPluginsService::loaded).toList();
        }

        // The element type, PluginsService.LoadedPlugin, is package-private in org.elasticsearch.plugins: hence the raw type.
        @Override
        @SuppressWarnings({ "rawtypes", "unchecked" })
        protected List plugins() {
            return loadedPlugins;
        }

        private static Object loaded(Plugin plugin) {
            Class<? extends Plugin> pluginClass = plugin.getClass();
            PluginDescriptor descriptor = new PluginDescriptor(
                    pluginClass.getName(),
                    "classpath plugin",
                    Build.current().version(),
                    Build.current().version(),
                    Integer.toString(Runtime.version().feature()),
                    pluginClass.getName(),
                    null,
                    List.of(),
                    false,
                    false,
                    false,
                    false);
            try {
                // LoadedPlugin's constructor is package-private; reflection is allowed because the classpath is one open module.
                Constructor<?> constructor = Class.forName(PluginsService.class.getName() + "$LoadedPlugin")
                        .getDeclaredConstructor(PluginDescriptor.class, Plugin.class, ClassLoader.class);
                constructor.setAccessible(true);
                return constructor.newInstance(descriptor, plugin, pluginClass.getClassLoader());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Elasticsearch internals changed: cannot register plugin " + pluginClass.getName(), e);
            }
        }
    }

    /** Answers {@code GET /} with the node's info, as the rest-root module does, so clients can check the version. */
    private static final class RootInfoPlugin extends Plugin implements ActionPlugin {
        private ClusterService clusterService;

        @Override
        public Collection<?> createComponents(PluginServices services) {
            clusterService = services.clusterService();
            return List.of();
        }

        @Override
        public Collection<RestHandler> getRestHandlers(
                Settings settings,
                NamedWriteableRegistry namedWriteableRegistry,
                RestController restController,
                ClusterSettings clusterSettings,
                IndexScopedSettings indexScopedSettings,
                SettingsFilter settingsFilter,
                IndexNameExpressionResolver indexNameExpressionResolver,
                Supplier<DiscoveryNodes> nodesInCluster,
                Predicate<NodeFeature> clusterSupportsFeature) {
            return List.of(new RootInfoHandler(clusterService));
        }
    }

    private static final class RootInfoHandler extends BaseRestHandler {
        private final ClusterService clusterService;

        RootInfoHandler(ClusterService clusterService) {
            this.clusterService = clusterService;
        }

        @Override
        public String getName() {
            return "embedded_root_info";
        }

        @Override
        public List<Route> routes() {
            return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
        }

        @Override
        protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
            return channel -> {
                Build build = Build.current();
                XContentBuilder body = channel.newBuilder()
                        .startObject()
                        .field("name", clusterService.localNode().getName())
                        .field("cluster_name", clusterService.getClusterName().value())
                        .field("cluster_uuid", clusterService.state().metadata().clusterUUID())
                        .startObject("version")
                        .field("number", build.qualifiedVersion())
                        .field("build_flavor", build.flavor())
                        .field("build_type", build.type().displayName())
                        .field("build_hash", build.hash())
                        .field("build_date", build.date())
                        .field("build_snapshot", build.isSnapshot())
                        .field("lucene_version", Version.LATEST.toString())
                        .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                        .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                        .endObject()
                        .field("tagline", "You Know, for Search")
                        .endObject();
                channel.sendResponse(new RestResponse(RestStatus.OK, body));
            };
        }

        @Override
        public boolean canTripCircuitBreaker() {
            return false;
        }
    }
}
