package io.playmark.infra.operations;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestCampaigns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection that cannot handle an event parks it, and the events of its aggregate behind it, and goes on. */
class DeadLettersIT extends PlaymarkIntegrationTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @Autowired
    private DeadLetterProbe probe;

    @Test
    void a_failed_event_is_parked_with_its_aggregates_later_events_listed_retried_and_others_go_on()
            throws InterruptedException {
        PlaymarkApi admin = asAdmin();
        String poisoned = TestCampaigns.create(admin, "Dead letter A");
        String healthy = TestCampaigns.create(admin, "Dead letter B");

        TestCampaigns.rename(admin, poisoned, "Poisoned A");
        TestCampaigns.rename(admin, poisoned, "A after the poison");
        TestCampaigns.rename(admin, healthy, "B goes on");

        List<JsonNode> parked = await(() -> lettersOf(admin, poisoned), letters -> letters.size() == 2);
        assertThat(parked).extracting(letter -> letter.get("index").asLong()).containsExactly(0L, 1L);
        JsonNode first = parked.getFirst();
        assertThat(first.get("processingGroup").asString()).isEqualTo(DeadLetterProbe.PROCESSING_GROUP);
        assertThat(first.get("sequence").asString()).isEqualTo(poisoned);
        assertThat(first.get("eventType").asString()).isEqualTo("CampaignRenamedEvent");
        assertThat(first.get("aggregateType").asString()).isEqualTo("Campaign");
        assertThat(first.get("aggregateId").asString()).isEqualTo(poisoned);
        assertThat(first.get("aggregateSequence").asLong()).isEqualTo(1L);
        assertThat(first.get("errorClass").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.get("errorMessage").asString()).isEqualTo("The probe cannot handle Poisoned A");
        assertThat(first.get("parkedAt").isNull()).isFalse();
        assertThat(first.get("retries").asLong()).isZero();
        // the rename behind it did not fail: it waits for its aggregate's first event
        assertThat(parked.get(1).get("aggregateSequence").asLong()).isEqualTo(2L);
        await(() -> probe.handled(healthy), names -> names.contains("B goes on"));
        assertThat(probe.handled(poisoned)).isEmpty();
        assertThat(admin.get(DEAD_LETTERS + "/" + first.get("id").asString()).body().get("sequence").asString())
                .isEqualTo(poisoned);

        PlaymarkApi.Response failedAgain = admin.post(DEAD_LETTERS + "/" + first.get("id").asString() + "/retry",
                Map.of());
        assertThat(failedAgain.status()).isEqualTo(200);
        assertThat(failedAgain.body().get("succeeded").asBoolean()).isFalse();
        assertThat(failedAgain.body().get("stillParked").asLong()).isEqualTo(2L);
        assertThat(lettersOf(admin, poisoned).getFirst().get("retries").asLong()).isEqualTo(1L);

        probe.heal(poisoned);
        PlaymarkApi.Response retried = admin.post(DEAD_LETTERS + "/" + first.get("id").asString() + "/retry",
                Map.of());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("succeeded").asBoolean()).isTrue();
        assertThat(retried.body().get("stillParked").asLong()).isZero();
        assertThat(probe.handled(poisoned)).containsExactly("Poisoned A", "A after the poison");
        assertThat(lettersOf(admin, poisoned)).isEmpty();
        assertThat(admin.post(DEAD_LETTERS + "/" + first.get("id").asString() + "/retry", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void a_parked_event_can_be_dropped_and_unknown_ids_are_404_problems() throws InterruptedException {
        PlaymarkApi admin = asAdmin();
        String campaign = TestCampaigns.create(admin, "Dead letter C");
        TestCampaigns.rename(admin, campaign, "Poisoned C");
        String id = await(() -> lettersOf(admin, campaign), letters -> letters.size() == 1)
                .getFirst().get("id").asString();

        assertThat(as(Role.MANAGER).get(DEAD_LETTERS).status()).isEqualTo(403);
        assertThat(admin.delete(DEAD_LETTERS + "/" + id).status()).isEqualTo(204);
        assertThat(lettersOf(admin, campaign)).isEmpty();
        PlaymarkApi.Response gone = admin.get(DEAD_LETTERS + "/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(admin.delete(DEAD_LETTERS + "/" + id).status()).isEqualTo(404);
        assertThat(admin.get(DEAD_LETTERS + "/not-a-letter").status()).isEqualTo(404);

        // a later event of the aggregate is handled again once nothing of it is parked
        TestCampaigns.rename(admin, campaign, "C after the drop");
        await(() -> probe.handled(campaign), names -> names.contains("C after the drop"));
    }

    private static List<JsonNode> lettersOf(PlaymarkApi admin, String aggregateId) {
        PlaymarkApi.Response list = admin.get(DEAD_LETTERS);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.body().valueStream().filter(letter -> aggregateId.equals(letter.get("sequence").asString()))
                .toList();
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> reached) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (!reached.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = read.get();
        }
        assertThat(reached.test(value)).as("reached in time: %s", value).isTrue();
        return value;
    }
}
