package io.playmark.query.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How large one GraphQL operation may be ({@code playmark.limits.graphql.*}); see {@link OperationSize} for how each
 * is counted. An operation over any of them is refused before it is validated or executed.
 *
 * @param maxDepth      the most fields nested inside one another
 * @param maxComplexity the most fields the operation can resolve, where a field with a {@code first} argument counts
 *                      its children {@code first} times
 * @param maxAliases    the most aliased fields, counted wherever a fragment that holds them is spread
 */
@ConfigurationProperties("playmark.limits.graphql")
public record GraphQlLimits(int maxDepth, long maxComplexity, int maxAliases) {

    public GraphQlLimits {
        maxDepth = maxDepth <= 0 ? 15 : maxDepth;
        maxComplexity = maxComplexity <= 0 ? 5_000 : maxComplexity;
        maxAliases = maxAliases <= 0 ? 30 : maxAliases;
    }
}
