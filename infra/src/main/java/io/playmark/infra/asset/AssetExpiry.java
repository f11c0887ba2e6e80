package io.playmark.infra.asset;

import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.FindExpiredAssetsQuery;
import io.playmark.kernel.asset.RetireAssetCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.context.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retires the assets whose expiry date has come, a JobRunr recurring job. The read model that finds them follows
 * the retirements a moment later, so a page can repeat assets retired just now: the run ends at the first page with
 * nothing new in it.
 */
public class AssetExpiry {

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
    public record Outcome(int retired, int refused) {
    }

    @Job(name = "Retire expired assets", retries = 3)
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
        Outcome outcome = new Outcome(retired, refused);
        job.logger().info("Retired " + retired + " expired assets; " + refused + " refused");
        log.info("Retired {} expired assets; {} refused", retired, refused);
        return outcome;
    }
}
