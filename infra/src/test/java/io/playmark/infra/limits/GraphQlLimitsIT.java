package io.playmark.infra.limits;

import graphql.introspection.IntrospectionQuery;
import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.query.graphql.GraphQlLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation too deep, too costly or with too many aliases is refused before it runs, with a BAD_REQUEST error
 * that names the limit and gives the allowed and actual values; a dashboard's queries are served as before.
 */
class GraphQlLimitsIT extends PlaymarkIntegrationTest {

    private static final String DASHBOARD = """
            { campaigns(first: 10) { edges { cursor node { id name advertiser } } pageInfo { hasNextPage endCursor } }
              searchCampaigns(text: "summer") { id name } }""";

    @Autowired
    private GraphQlLimits limits;

    private PlaymarkApi analyst;

    @BeforeEach
    void analyst() {
        analyst = as(Role.ANALYST);
    }

    @Test
    void a_dashboard_query_and_introspection_are_served() {
        assertThat(analyst.graphQl(DASHBOARD).get("errors")).isNull();
        assertThat(analyst.graphQl(IntrospectionQuery.INTROSPECTION_QUERY).get("errors")).isNull();
        // GraphiQL's own introspection (graphql-js 16) follows a type's ofType 9 times below args: 15 levels
        assertThat(analyst.graphQl(nested(15)).get("errors")).as("GraphiQL keeps working").isNull();
    }

    @Test
    void an_operation_nested_deeper_than_max_depth_is_refused() {
        int depth = limits.maxDepth() + 1;

        assertRefused(analyst.graphQl(nested(depth)), "max-depth", limits.maxDepth(), depth);
    }

    /** {@code __schema > types > fields > args > type > ofType > ... > name}: {@code depth} fields nested (at least 6). */
    private static String nested(int depth) {
        return "{ __schema { types { fields { args { type " + "{ ofType ".repeat(depth - 6) + "{ name" + " }".repeat(depth);
    }

    @Test
    void a_field_with_first_counts_its_children_first_times_up_to_max_complexity() {
        // campaigns: 1 + n × (edges: 1 + cursor 1 + node (1 + 3 fields)) = 1 + 6n
        String page = "query($n: Int!) { campaigns(first: $n) { edges { cursor node { id name advertiser } } } }";
        long largestAllowed = (limits.maxComplexity() - 1) / 6;

        JsonNode refused = analyst.graphQl(page, "n", largestAllowed + 1);
        JsonNode atTheLimit = analyst.graphQl(page, "n", largestAllowed);
        JsonNode served = analyst.graphQl(page, "n", 100);

        assertRefused(refused, "max-complexity", limits.maxComplexity(), 1 + 6 * (largestAllowed + 1));
        assertThat(atTheLimit.findValues("limit")).as("at the limit the operation runs (its resolver may still "
                + "refuse so large a page)").isEmpty();
        assertThat(served.get("errors")).isNull();
    }

    @Test
    void a_first_left_out_counts_as_the_schemas_default_of_20() {
        // campaigns(first: n): 1 + 6n as above; searchCampaigns with first's default: 1 + 20 × 2 fields = 41
        String query = "query($n: Int!) { campaigns(first: $n) { edges { cursor node { id name advertiser } } } "
                + "searchCampaigns(text: \"x\") { id name } }";
        // just over the limit with the default counted, well under it were searchCampaigns counted once (1 + 2)
        long n = (limits.maxComplexity() - 42) / 6 + 1;

        JsonNode response = analyst.graphQl(query, "n", n);

        assertRefused(response, "max-complexity", limits.maxComplexity(), 1 + 6 * n + 41);
    }

    @Test
    void more_aliases_than_max_aliases_are_refused() {
        int aliases = limits.maxAliases() + 1;
        String query = IntStream.range(0, aliases).mapToObj(i -> "a" + i + ": __typename")
                .collect(Collectors.joining(" ", "{ ", " }"));

        assertRefused(analyst.graphQl(query), "max-aliases", limits.maxAliases(), aliases);
    }

    @Test
    void seven_hundred_aliases_of_a_hundred_campaigns_are_refused_before_anything_runs() {
        String query = IntStream.range(0, 700).mapToObj(i -> "a" + i + ": campaigns(first: 100) { edges { node { id } } }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        JsonNode response = analyst.graphQl(query);

        // each alias: 1 + 100 × (edges 1 + node (1 + id 1)) = 301
        assertRefused(response, "max-complexity", limits.maxComplexity(), 700 * 301);
        assertRefused(response, "max-aliases", limits.maxAliases(), 700);
    }

    @Test
    @Timeout(30)
    void a_fragment_counts_wherever_it_is_spread_and_nesting_them_cannot_make_the_count_itself_slow() {
        // F0 holds one alias; each F(i) spreads F(i-1) twice: 2^40 aliases in a document of 40 lines
        List<String> fragments = new ArrayList<>(List.of("fragment F0 on Query { one: __typename }"));
        for (int i = 1; i <= 40; i++) {
            fragments.add("fragment F%d on Query { ...F%d ...F%d }".formatted(i, i - 1, i - 1));
        }

        JsonNode response = analyst.graphQl("{ ...F40 } " + String.join(" ", fragments));

        assertRefused(response, "max-aliases", limits.maxAliases(), 1L << 40);
    }

    @Test
    @Timeout(30)
    void fragments_that_spread_each_other_in_a_cycle_get_the_validation_error_not_a_hang() {
        JsonNode response = analyst.graphQl("""
                { ...A }
                fragment A on Query { __typename ...B }
                fragment B on Query { ...A }""");

        JsonNode error = response.get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").has("limit")).isFalse();
        assertThat(response.get("data")).isNull();
    }

    private static void assertRefused(JsonNode response, String limit, long allowed, long actual) {
        assertThat(response.get("data")).as("nothing was executed").isNull();
        JsonNode error = null;
        for (JsonNode candidate : response.get("errors")) {
            if (limit.equals(candidate.get("extensions").path("limit").asString(null))) {
                error = candidate;
            }
        }
        assertThat(error).as(limit + " among " + response).isNotNull();
        JsonNode extensions = error.get("extensions");
        assertThat(extensions.get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(extensions.get("type").asString()).isEqualTo("urn:playmark:problem:bad-request");
        assertThat(extensions.get("allowed").asLong()).isEqualTo(allowed);
        assertThat(extensions.get("actual").asLong()).isEqualTo(actual);
        assertThat(extensions.get("correlationId").asString()).isNotBlank();
        assertThat(error.get("message").asString()).contains(limit, String.valueOf(allowed), String.valueOf(actual));
    }
}
