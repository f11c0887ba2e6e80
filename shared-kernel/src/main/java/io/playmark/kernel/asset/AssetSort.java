package io.playmark.kernel.asset;

import java.util.Objects;

/** The order of a library search; ties are broken by id, so that paging never skips nor repeats an asset. */
public record AssetSort(Field field, Direction direction) {

    public static final AssetSort RELEVANCE = new AssetSort(Field.RELEVANCE, Direction.DESC);

    public enum Field {
        /** Best matches of the text first (newest first without text); the direction is ignored. */
        RELEVANCE,
        CREATED_AT,
        TITLE,
        SIZE,
        /** Images, which have no duration, come last either way. */
        DURATION
    }

    public enum Direction {
        ASC,
        DESC
    }

    public AssetSort {
        Objects.requireNonNull(field, "field");
        direction = direction == null ? (field == Field.TITLE ? Direction.ASC : Direction.DESC) : direction;
    }
}
