package io.playmark.kernel.asset;

import io.playmark.kernel.Texts;

/** An asset's display title: not blank, at most 200 characters; the file's name without extension by default. */
public record AssetTitle(String value) {

    public static final int MAX_LENGTH = 200;

    public AssetTitle {
        value = Texts.requireText("title", value, MAX_LENGTH);
    }
}
