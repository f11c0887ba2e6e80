package io.playmark.query.play;

import io.playmark.kernel.campaign.CampaignId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live delivery for dashboards. Each instance asks the plays index itself every {@code playmark.plays.live-check},
 * so a subscriber sees plays whichever instance took them in and projected them; one check per campaign and range is
 * shared by all its subscribers on the instance, and an answer is sent only when it differs from the last one.
 */
@Component
class CampaignDeliveryFeed {

    private static final Logger log = LoggerFactory.getLogger(CampaignDeliveryFeed.class);

    /** What a subscriber follows: the arguments of campaignDelivery. */
    record Subject(CampaignId campaign, Instant from, Instant to, CampaignDelivery.DeliveryInterval interval,
                   String zone) {
    }

    private final PlayAnalytics analytics;
    private final Duration check;
    private final Map<Subject, Flux<CampaignDelivery>> feeds = new ConcurrentHashMap<>();

    CampaignDeliveryFeed(PlayAnalytics analytics, @Value("${playmark.plays.live-check}") Duration check) {
        this.analytics = analytics;
        this.check = check;
    }

    /** The delivery now, then each time it changes; a range or zone that campaignDelivery refuses is refused here. */
    Flux<CampaignDelivery> follow(Subject subject) {
        PlayAnalytics.checkRange(subject.from(), subject.to(), subject.zone());
        return feeds.computeIfAbsent(subject, this::checked);
    }

    private Flux<CampaignDelivery> checked(Subject subject) {
        return Flux.interval(Duration.ZERO, check)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> analytics.delivery(subject.campaign(), subject.from(),
                                subject.to(), subject.interval(), subject.zone()))
                        .subscribeOn(Schedulers.boundedElastic())
                        // a check that fails (the index briefly away) is skipped; the next one answers
                        .onErrorResume(failure -> {
                            log.warn("Live delivery of campaign {} not checked: {}", subject.campaign().value(),
                                    failure.toString());
                            return Mono.empty();
                        }), 1)
                .distinctUntilChanged()
                .doFinally(signal -> feeds.remove(subject))
                .replay(1)
                .refCount();
    }
}
