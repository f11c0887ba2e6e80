package io.playmark.infra.media;

/** Hears how far processing one content version is: steps done of all steps, and how far into the next one. */
@FunctionalInterface
public interface MediaProgress {

    MediaProgress NONE = (done, steps, next) -> {
    };

    /** @param next the share of step {@code done + 1} done, from 0 to 1 */
    void update(int done, int steps, double next);
}
