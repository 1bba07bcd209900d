package com.ledgerflow.reporting.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report's rows as CSV: one column per field of the row record, named and ordered as in the JSON; numbers plain
 * ({@code 1234.50}), dates ISO, empty for none. So a CSV cell always equals the JSON value of the same field.
 */
final class ReportCsv {

	private ReportCsv() {
	}

	static String of(Class<? extends Record> rowType, List<? extends Record> rows) {
		RecordComponent[] columns = rowType.getRecordComponents();
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader(Arrays.stream(columns).map(RecordComponent::getName).toArray(String[]::new))
			.setRecordSeparator("\r\n")
			.get())) {
			for (Record row : rows) {
				Object[] values = new Object[columns.length];
				for (int i = 0; i < columns.length; i++) {
					values[i] = cell(columns[i].getAccessor().invoke(row));
				}
				csv.printRecord(values);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read a report row", ex);
		}
		return out.toString();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		return value.toString();
	}

}
