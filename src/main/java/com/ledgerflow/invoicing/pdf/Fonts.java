package com.ledgerflow.invoicing.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** The two faces of one document, with measuring and word wrapping. */
record Fonts(PDFont regular, PDFont bold) {

	static float width(PDFont font, float size, String text) {
		try {
			return font.getStringWidth(text) / 1000f * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text as the font can show it: control characters become spaces, characters without a glyph {@code ?}
	 * (showing them would fail the whole PDF).
	 */
	static String printable(PDFont font, String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> out.append(printable(font, cp)));
		return out.toString();
	}

	private static String printable(PDFont font, int codePoint) {
		if (codePoint == '\n') {
			return "\n";
		}
		if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
			return " ";
		}
		if (codePoint < 0x7f) {
			return String.valueOf((char) codePoint);
		}
		String ch = new String(Character.toChars(codePoint));
		try {
			font.encode(ch);
			return ch;
		}
		catch (IllegalArgumentException | IOException ex) {
			return "?";
		}
	}

	/** Lines of at most {@code width} points; explicit line breaks are kept, words longer than a line are cut. */
	static List<String> wrap(PDFont font, float size, String text, float width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : printable(font, text).split("\n", -1)) {
			wrapParagraph(font, size, paragraph.strip(), width, lines);
		}
		return lines;
	}

	private static void wrapParagraph(PDFont font, float size, String paragraph, float width, List<String> lines) {
		float space = width(font, size, " ");
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		for (String word : paragraph.split(" +")) {
			float wordWidth = width(font, size, word);
			if (line.isEmpty() || lineWidth + space + wordWidth > width) {
				if (!line.isEmpty()) {
					lines.add(line.toString());
				}
				line.setLength(0);
				boolean tooLong = wordWidth > width;
				String start = tooLong ? cutToWidth(font, size, word, width, lines) : word;
				line.append(start);
				lineWidth = tooLong ? width(font, size, start) : wordWidth;
			}
			else {
				line.append(' ').append(word);
				lineWidth += space + wordWidth;
			}
		}
		lines.add(line.toString());
	}

	/** Adds the full-width pieces of a word too long for a line, returns the rest. */
	private static String cutToWidth(PDFont font, float size, String word, float width, List<String> lines) {
		String rest = word;
		while (width(font, size, rest) > width) {
			int end = rest.length() - 1;
			while (end > 1 && width(font, size, rest.substring(0, end)) > width) {
				end--;
			}
			lines.add(rest.substring(0, end));
			rest = rest.substring(end);
		}
		return rest;
	}

}
