package org.sdshub.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.geo.GeoModulePlugin;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node for the test suite: the server jar and its modules from Maven Central, started in this
 * JVM. It listens on 127.0.0.1 only, keeps its data in the folder it is given, and prints its HTTP address as the
 * first line of standard output once it answers. It stops when standard input closes (so it never outlives the
 * test run that started it) or on SIGTERM.
 *
 * <p>Arguments: {@code --home DIR} (required; data and logs go there), {@code --port N} (default 0: any free
 * port), {@code --no-stdin-watch} (keep running until killed), {@code --warm-up} (send the kinds of request the
 * tests send, then stop: the build runs this once to record a class-data archive that makes later starts faster).
 *
 * <p>What the distribution's start-up adds and an embedded node goes without: the security manager and the jar-hell
 * check are installed by {@code Bootstrap}, not by {@code Node}, and the bootstrap checks (heap size, file
 * descriptors, mmap count...) run from {@code Bootstrap}'s override of
 * {@code Node.validateNodeBeforeAcceptingRequests}, which is empty here. Painless then compiles without a security
 * manager, and {@code discovery.type: single-node} needs no cluster-formation settings.
 */
public final class TestServer {

    private static final List<Class<? extends Plugin>> MODULES = List.of(
        Netty4Plugin.class, // the HTTP layer
        CommonAnalysisPlugin.class, // asciifolding, synonym_graph and the other analysis parts the index uses
        GeoModulePlugin.class, // the geo_shape field type
        PainlessPlugin.class // scripts
    );

    /** Node's plugin constructor is protected: the distribution loads modules from folders, we name the classes. */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private TestServer() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception error) {
            // The node's own threads would keep the JVM alive after main ends: a failed start must end the process.
            error.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path home = null;
        String port = "0";
        boolean watchStdin = true;
        boolean warmUp = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = args[++i];
                case "--no-stdin-watch" -> watchStdin = false;
                case "--warm-up" -> warmUp = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (home == null) {
            usage("--home is required");
        }
        Files.createDirectories(home);
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "sds-test")
            .put("node.name", "sds-test-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", "0")
            // A test machine's disk may be fuller than the production watermarks allow; indices must still open.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "sds-test-node");
        Node node = new EmbeddedNode(environment, MODULES);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(node);
            stopped.countDown();
        }, "sds-test-shutdown"));
        node.start();
        TransportAddress address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        String url = "http://" + address.getAddress() + ":" + address.getPort();
        if (warmUp) {
            WarmUp.run(url);
            System.exit(0);
        }
        System.out.println(url);
        System.out.flush();
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                System.exit(0); // runs the shutdown hook
            }, "sds-test-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static void drain(InputStream input) {
        byte[] buffer = new byte[256];
        try {
            while (input.read(buffer) >= 0) {
                // nothing to read: the caller only holds the pipe open while it needs the node
            }
        } catch (IOException ignored) {
            // a broken pipe means the caller has gone too
        }
    }

    private static void close(Node node) {
        try {
            node.close();
        } catch (IOException error) {
            System.err.println("closing the node failed: " + error);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TestServer --home DIR [--port N] [--no-stdin-watch | --warm-up]");
        System.exit(2);
    }
}
