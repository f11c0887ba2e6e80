package io.playmark.kernel.asset;

import io.playmark.kernel.Texts;

/** A collection's display name: not blank, at most 200 characters, surrounding white space dropped. */
public record AssetCollectionName(String value) {

    public static final int MAX_LENGTH = 200;

    public AssetCollectionName {
        value = Texts.requireText("name", value, MAX_LENGTH);
    }
}
