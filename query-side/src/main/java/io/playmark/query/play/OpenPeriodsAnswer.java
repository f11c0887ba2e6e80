package io.playmark.query.play;

import io.playmark.kernel.play.FindOpenPeriodsQuery;
import io.playmark.kernel.play.OpenPeriod;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Open periods for other features (reports), from the players' reporting progress, as delivery answers them. */
@Component
class OpenPeriodsAnswer {

    private final PlayAnalytics analytics;

    OpenPeriodsAnswer(PlayAnalytics analytics) {
        this.analytics = analytics;
    }

    @QueryHandler
    List<OpenPeriod> open(FindOpenPeriodsQuery query) {
        return analytics.openPeriods(query.playerIds(), query.from(), query.to()).stream()
                .map(period -> new OpenPeriod(period.playerId(), period.from(), period.to())).toList();
    }
}
