package com.ledgerflow.timetracking.importer;

/**
 * Why one data row of an import file was not turned into an {@link ImportRow}; a row may have several.
 * @param line the 1-based file line the row starts on (the header is line 1)
 * @param column the column's header name as written in the file
 * @param reason what is wrong, quoting the value, e.g. {@code not a number: 'abc'}
 */
public record RowError(int line, String column, String reason) {
}
