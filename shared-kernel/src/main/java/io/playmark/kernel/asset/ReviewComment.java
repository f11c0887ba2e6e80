package io.playmark.kernel.asset;

import io.playmark.kernel.Texts;

/** A reviewer's comment on an approval or rejection: at most {@value #MAX_LENGTH} characters. */
final class ReviewComment {

    static final int MAX_LENGTH = 1000;

    private ReviewComment() {
    }

    static String optional(String comment) {
        return comment == null || comment.isBlank() ? null : Texts.requireText("comment", comment, MAX_LENGTH);
    }
}
