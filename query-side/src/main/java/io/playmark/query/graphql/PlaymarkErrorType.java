package io.playmark.query.graphql;

import graphql.ErrorClassification;

/** Error classes beyond Spring GraphQL's own {@code ErrorType}. */
public enum PlaymarkErrorType implements ErrorClassification {
    /** The request contradicts what already exists, e.g. re-creating an id with other values. */
    CONFLICT
}
