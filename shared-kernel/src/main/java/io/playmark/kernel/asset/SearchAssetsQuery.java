package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

/**
 * One page of a library search, with the facets of everything it finds.
 *
 * @param text  words to find in titles, descriptions, tags and file names; null or blank finds every asset
 * @param first how many to return, 1 to {@value #MAX_PAGE_SIZE}
 * @param after the opaque cursor of the last asset already seen, or null for the first page
 */
public record SearchAssetsQuery(String text, AssetSearchFilter filter, AssetSort sort, int first, String after) {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_TEXT_LENGTH = 500;

    public SearchAssetsQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValueException("text", "text must be at most " + MAX_TEXT_LENGTH + " characters, was "
                    + text.length());
        }
        filter = filter == null ? AssetSearchFilter.NONE : filter;
        sort = sort == null ? AssetSort.RELEVANCE : sort;
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new InvalidValueException("first", "first must be between 1 and " + MAX_PAGE_SIZE + ", was " + first);
        }
    }
}
