package io.playmark.infra.rebuild.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.operations.EventProcessors;
import io.playmark.infra.rebuild.CampaignHistory;
import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.SearchCampaignsQuery;
import io.playmark.query.campaign.CampaignSearchDocument;
import io.playmark.query.campaign.CampaignSearchIndex;
import io.playmark.query.campaign.CampaignSearchProjection;
import io.playmark.query.rebuild.Rebuilds;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Issue 13's rebuild benchmark: rebuilding the campaign search projection over N campaigns (1 M by default) against
 * the same embedded node's bulk-index rate for the same documents, with searches running through the rebuild.
 * Usage: {@code ./playmark bench-rebuild [N] [segments]}.
 */
public final class RebuildBenchmark {

    private static final String ADMIN_KEY = "pmk_rebuild-benchmark-admin-key";
    private static final String PREFIX = "Benchmark campaign";
    private static final String SCRATCH = "rebuild-benchmark-scratch";
    private static final int BULK = 500;
    private static final int SEARCHERS = 2;
    /** Between one thread's searches: a steady load of searches (up to 20/s), not one that starves the rebuild. */
    private static final long SEARCH_PAUSE_MILLIS = 100;

    private RebuildBenchmark() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args) ? 0 : 1);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(2);
        }
    }

    private static boolean run(String[] args) throws Exception {
        int campaigns = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int segments = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf("Rebuild benchmark, %s: %,d campaigns, %d segments, %d cores, max heap %,d MB, Java %s, "
                        + "load average %.2f%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), campaigns, segments,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dataDir = Files.createTempDirectory("playmark-rebuild-benchmark-");
        try (ConfigurableApplicationContext playmark = start(dataDir, segments)) {
            return measure(playmark, campaigns);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, int segments) {
        System.out.println("Starting Playmark (embedded servers, memory backend) ...");
        return new SpringApplicationBuilder(PlaymarkApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--playmark.data-dir=" + dataDir,
                        "--playmark.mongodb.embedded.backend=memory", "--playmark.security.admin-api-key=" + ADMIN_KEY,
                        "--playmark.projections.segments=" + segments,
                        "--playmark.jobs.dashboard.enabled=false", "--jobrunr.background-job-server.enabled=false",
                        "--playmark.limits.rate.roles.ADMIN.capacity=1000000000", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    private static boolean measure(ConfigurableApplicationContext playmark, int campaigns) throws Exception {
        EventProcessors processors = playmark.getBean(EventProcessors.class);
        ElasticsearchClient elasticsearch = playmark.getBean(ElasticsearchClient.class);
        // only the projection under test works on the campaigns: the others would share the two cores with it
        playmark.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(processor -> !processor.getName().equals(CampaignSearchProjection.PROCESSING_GROUP))
                .forEach(EventProcessor::shutDown);

        long filling = System.nanoTime();
        CampaignHistory.appendCreations(playmark.getBean(EventStore.class), PREFIX, campaigns);
        System.out.printf("Appended %,d campaign creations in %.1f s%n", campaigns, seconds(filling));
        long first = System.nanoTime();
        await(() -> caughtUp(processors), "the first build");
        System.out.printf("First build (in place, as the events arrived) caught up %.1f s after the appends%n",
                seconds(first));

        double bulkRate = bulkIndex(elasticsearch, campaigns);
        System.out.printf("Bulk index of the same %,d documents into a scratch index (bulks of %d): %,.0f docs/s%n",
                campaigns, BULK, bulkRate);

        CampaignCreatedEvent known = CampaignHistory.created(PREFIX, campaigns / 2);
        Searches searches = new Searches(playmark.getBean(QueryGateway.class), known);
        List<Thread> searchers = new ArrayList<>();
        for (int i = 0; i < SEARCHERS; i++) {
            searchers.add(Thread.ofPlatform().start(searches));
        }
        long rebuilding = System.nanoTime();
        processors.replay(CampaignSearchProjection.PROCESSING_GROUP);
        await(() -> caughtUp(processors), "the rebuild");
        double replaySeconds = seconds(rebuilding);
        Rebuilds rebuilds = playmark.getBean(Rebuilds.class);
        await(() -> rebuilds.find(CampaignSearchProjection.PROCESSING_GROUP).isEmpty(), "the swap");
        double swappedSeconds = seconds(rebuilding);
        searches.stop.set(true);
        for (Thread searcher : searchers) {
            searcher.join();
        }
        elasticsearch.indices().refresh(r -> r.index(CampaignSearchIndex.ALIAS));
        long documents = elasticsearch.count(c -> c.index(CampaignSearchIndex.ALIAS)).count();

        double rebuildRate = campaigns / replaySeconds;
        double ratio = rebuildRate / bulkRate;
        System.out.printf("Rebuild: %,d events replayed in %.1f s (%,.0f events/s), swapped in at %.1f s; "
                        + "%,d documents behind the alias after it%n", campaigns, replaySeconds, rebuildRate,
                swappedSeconds, documents);
        System.out.printf("Searches during the rebuild (%d threads, 100 ms apart): %,d answered, %,d without the known campaign "
                        + "or failed, max latency %.1f ms%n", SEARCHERS, searches.answered.get(), searches.missed.get(),
                searches.maxNanos.get() / 1e6);
        System.out.printf("Rebuild rate / bulk-index rate: %.0f %%%n", 100 * ratio);
        System.out.println("Targets: >= 10,000 events/s and >= 60 % of the bulk-index rate, every search answering "
                + "with the known campaign, every document behind the alias");
        boolean passed = rebuildRate >= 10_000 && ratio >= 0.6 && searches.missed.get() == 0
                && searches.answered.get() > 0 && documents == campaigns;
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    private static boolean caughtUp(EventProcessors processors) {
        var status = processors.status(CampaignSearchProjection.PROCESSING_GROUP);
        return !status.replaying() && status.lag() != null && status.lag() == 0
                && status.segments().stream().allMatch(segment -> segment.position() != null);
    }

    /** The same documents the projection writes for these campaigns, in bulks, into an index of the same mapping. */
    private static double bulkIndex(ElasticsearchClient elasticsearch, int campaigns) throws Exception {
        TypeMapping mapping = elasticsearch.indices().getMapping(m -> m.index(CampaignSearchIndex.ALIAS))
                .mappings().values().iterator().next().mappings();
        elasticsearch.indices().create(c -> c.index(SCRATCH).mappings(mapping)
                .settings(s -> s.autoExpandReplicas("0-1")));
        Instant at = Instant.now();
        long started = System.nanoTime();
        for (int from = 0; from < campaigns; from += BULK) {
            List<BulkOperation> operations = new ArrayList<>();
            for (int i = from; i < Math.min(campaigns, from + BULK); i++) {
                CampaignCreatedEvent created = CampaignHistory.created(PREFIX, i);
                CampaignSearchDocument document = new CampaignSearchDocument(created.campaignId(), created.name(),
                        created.advertiser(), null, CampaignStatus.DRAFT, PriorityTier.STANDARD, null, null, at, at, 0);
                operations.add(BulkOperation.of(op -> op.index(x -> x.index(SCRATCH).id(document.id())
                        .document(document).versionType(VersionType.External).version(0L))));
            }
            BulkResponse response = elasticsearch.bulk(b -> b.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("Bulk refused documents: " + response.items().getFirst().error());
            }
        }
        elasticsearch.indices().refresh(r -> r.index(SCRATCH));
        double rate = campaigns / seconds(started);
        elasticsearch.indices().delete(d -> d.index(SCRATCH));
        return rate;
    }

    private static void await(BooleanSupplier reached, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not finish within an hour");
            }
            Thread.sleep(200);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void pause() {
        try {
            Thread.sleep(SEARCH_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Searches for one known campaign by its name, again and again, through the query bus to the search projection
     * (GraphQL's search would answer the hits from the campaign read model, which this benchmark does not run).
     */
    private static final class Searches implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong missed = new AtomicLong();
        final AtomicLong maxNanos = new AtomicLong();
        private final QueryGateway queries;
        private final CampaignCreatedEvent known;

        Searches(QueryGateway queries, CampaignCreatedEvent known) {
            this.queries = queries;
            this.known = known;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long started = System.nanoTime();
                List<CampaignSearchDocument> found = null;
                try {
                    found = queries.query(new SearchCampaignsQuery(known.name(), 5),
                            ResponseTypes.multipleInstancesOf(CampaignSearchDocument.class)).join();
                } catch (RuntimeException failed) {
                    System.out.println("A search failed: " + failed);
                }
                maxNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                answered.incrementAndGet();
                pause();
                if (found == null || found.stream().noneMatch(hit -> known.campaignId().equals(hit.id()))) {
                    if (missed.incrementAndGet() == 1) {
                        System.out.println("First search without the known campaign: " + found);
                    }
                }
            }
        }
    }
}
