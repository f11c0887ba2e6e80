package io.playmark.kernel.campaign;

import io.playmark.kernel.Texts;

/** The advertiser a campaign is sold to, as its name. */
public record Advertiser(String value) {

    public static final int MAX_LENGTH = 200;

    public Advertiser {
        value = Texts.requireText("advertiser", value, MAX_LENGTH);
    }
}
