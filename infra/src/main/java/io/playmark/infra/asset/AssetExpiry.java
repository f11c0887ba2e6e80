package io.playmark.infra.asset;

import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.FindExpiredAssetsQuery;
import io.playmark.kernel.asset.RetireAssetCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.jobs.context.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retires the assets whose expiry date has come, a JobRunr recurring job. The read model that finds them follows
 * the retirements a moment later, so a page can repeat assets retired just now: the run ends at the first page with
 * nothing new in it.
 */
public class AssetExpiry implements MaintenanceTask {

    static final String JOB_ID = "asset-expiry";

    private static final Logger log = LoggerFactory.getLogger(AssetExpiry.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    AssetExpiry(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    /** What one run did. */
    public record Outcome(int retired, int refused) implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return Map.of("retired", (long) retired, "refused", (long) refused);
        }

        @Override
        public String summary() {
            return "Retired " + retired + " expired assets; " + refused + " refused";
        }
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Outcome run(JobContext job) {
        Set<AssetId> handled = new HashSet<>();
        int retired = 0;
        int refused = 0;
        while (true) {
            List<AssetId> page = queries.query(new FindExpiredAssetsQuery(clock.instant(), FindExpiredAssetsQuery.MAX_LIMIT),
                    ResponseTypes.multipleInstancesOf(AssetId.class)).join();
            List<AssetId> fresh = page.stream().filter(handled::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (AssetId asset : fresh) {
                try {
                    commands.sendAndWait(new RetireAssetCommand(asset, null, true));
                    retired++;
                } catch (RuntimeException e) {
                    if (ErrorKind.domainCause(e).isEmpty()) {
                        throw e;
                    }
                    // deleted, or its expiry moved, since the read model saw it
                    refused++;
                    log.info("Expired asset {} was not retired: {}", asset, e.getMessage());
                }
            }
        }
        return new Outcome(retired, refused);
    }
}
