package com.ledgerflow.invoicing.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.ledgerflow.invoicing.pdf.InvoiceDocument.Line;
import com.ledgerflow.invoicing.pdf.InvoiceDocument.LineKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfRendererTests {

	/** Sample PDFs land here, to look at them with {@code pdftoppm -png -r 80}. */
	static final Path SAMPLES = Path.of("target", "invoice-pdf");

	final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

	@Test
	void printsTheInvoiceFactsLinesAndTotals() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(renderAndKeep(InvoiceSamples.small(), "small.pdf"))) {
			String text = new PDFTextStripper().getText(pdf);

			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			assertThat(text).contains("Ledgerflow Demo Consulting", "100 Main Street", "INVOICE", "2026-0042",
					"1 Nov 2026", "1 Dec 2026", "Net 30", "1 Oct 2026 – 31 Oct 2026");
			assertThat(text).contains("Zoë Brønsted-Straße", "50667 Köln");
			assertThat(text).contains("Workshop: discovery with Zoë and the finance team", "2.50 h × €150.00",
					"€375.00", "Łukasz Øberg in Kraków", "7.25 h × €150.00", "€1,087.50",
					"Train München → Köln (receipt 4711)", "€120.00 + 10% markup", "€132.00",
					"Milestone 2: chart of accounts approved", "€5,000.00", "Monthly retainer October 2026",
					"Loyalty discount", "-€250.00");
			assertThat(text).contains("Subtotal", "€7,844.50", "Tax (8.875%)", "€696.20", "Total", "€8,540.70",
					"Amount due (EUR)");
			assertThat(text.replaceAll("\\s+", "")).contains(InvoiceSamples.PAYMENT_LINK.toString());
			assertThat(text).contains("Page 1 of 1");
		}
	}

	@Test
	void makesThePaymentLinkClickable() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(renderer.render(InvoiceSamples.small()))) {
			List<PDAnnotation> annotations = pdf.getPage(0).getAnnotations();

			assertThat(annotations).isNotEmpty().allSatisfy((annotation) -> {
				assertThat(annotation).isInstanceOf(PDAnnotationLink.class);
				PDActionURI action = (PDActionURI) ((PDAnnotationLink) annotation).getAction();
				assertThat(action.getURI()).isEqualTo(InvoiceSamples.PAYMENT_LINK.toString());
				assertThat(annotation.getRectangle().getWidth()).isPositive();
			});
		}
	}

	@Test
	void paginatesThreeHundredLinesWithHeaderAndPageNumbersOnEveryPageAndTotalsOnTheLast() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(renderAndKeep(InvoiceSamples.withTimeLines(300), "300-lines.pdf"))) {
			int pages = pdf.getNumberOfPages();
			List<String> texts = pageTexts(pdf);

			// page 1: 23 rows of 20 pt under letterhead and bill-to, the next pages 31 under the running header:
			// 23 + 8 × 31 = 271, so page 10 starts at row 272; the totals do not fit under its 29 rows, and
			// the last row moves to page 11 with them
			assertThat(pages).isEqualTo(11);
			for (int page = 1; page <= pages; page++) {
				String text = texts.get(page - 1);
				assertThat(text).as("page %d", page)
					.contains("Date", "Description", "Hours × rate", "Amount", "Page " + page + " of " + pages);
				assertThat(text.contains("Subtotal") || text.contains("Amount due")).as("totals on page %d", page)
					.isEqualTo(page == pages);
			}
			assertThat(texts.get(0)).contains("Line 1: implementation", "Line 23: implementation")
				.doesNotContain("Line 24:");
			assertThat(texts.get(1)).contains("Line 24: implementation", "Line 54: implementation")
				.doesNotContain("Line 55:");
			assertThat(texts.get(pages - 2)).contains("Line 299: implementation").doesNotContain("Line 300:");
			assertThat(texts.get(pages - 1)).contains("Line 300: implementation", "$54,000.00", "$58,792.50");
		}
	}

	@Test
	void movesTheLastLineWithTheTotalsToANewPageWhenTheyDoNotFitUnderIt() throws IOException {
		// 23 rows fill page 1 (see above)
		try (PDDocument pdf = Loader.loadPDF(renderAndKeep(InvoiceSamples.withTimeLines(23), "23-lines.pdf"))) {
			List<String> texts = pageTexts(pdf);

			assertThat(texts).hasSize(2);
			assertThat(texts.get(0)).contains("Line 22: implementation").doesNotContain("Line 23", "Subtotal");
			assertThat(texts.get(1)).contains("Hours × rate", "Line 23: implementation", "Subtotal", "Tax (8.875%)",
					"Total", "Amount due", "Pay online", "Page 2 of 2");
		}
	}

	@Test
	void keepsLongWordsAndLargeAmountsInsideTheMargins() throws IOException {
		List<Line> lines = new ArrayList<>(InvoiceSamples.small().lines());
		lines.add(new Line(LineKind.TIME, InvoiceSamples.PERIOD_START, "See https://jira.example.com/browse/"
				+ "LEDGER-4711?focusedCommentId=1234567890123&page=com.atlassian.jira.plugin.system.issuetabpanels"
				+ "\nSecond paragraph kept on its own line", "1,234.75 h", new BigDecimal("1250.00"), null,
				new BigDecimal("1543437.50")));
		lines.add(new Line(LineKind.EXPENSE, null, "Hotel", "3 nights", new BigDecimal("189.00"),
				new BigDecimal("12.5"), new BigDecimal("637.88")));
		InvoiceDocument invoice = InvoiceSamples.invoice(lines, Currency.getInstance("EUR"), InvoiceSamples.logo());

		try (PDDocument pdf = Loader.loadPDF(renderAndKeep(invoice, "edge-cases.pdf"))) {
			TextBounds bounds = new TextBounds();
			String text = bounds.getText(pdf);

			assertThat(text).contains("€1,543,437.50", "1,234.75 h × €1,250.00", "3 nights × €189.00 + 12.5%",
					"Second paragraph kept on its own line", "€1,551,919.88");
			assertThat(bounds.left).isGreaterThanOrEqualTo(PageWriter.LEFT - 0.5f);
			assertThat(bounds.right).isLessThanOrEqualTo(PageWriter.RIGHT + 0.5f);
		}
	}

	@Test
	void embedsEveryFont() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(renderer.render(InvoiceSamples.withTimeLines(80)))) {
			int fonts = 0;
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font.getName()).contains("DejaVuSans");
					fonts++;
				}
			}
			assertThat(fonts).isGreaterThanOrEqualTo(pdf.getNumberOfPages());
		}
	}

	@Test
	void rendersVisibleFirstAndLastPages() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(renderer.render(InvoiceSamples.withTimeLines(120)))) {
			PDFRenderer images = new PDFRenderer(pdf);
			for (int page : new int[] { 0, pdf.getNumberOfPages() - 1 }) {
				BufferedImage image = images.renderImageWithDPI(page, 60);
				ImageIO.write(image, "png", SAMPLES.resolve("120-lines-page-" + (page + 1) + ".png").toFile());

				assertThat(inkShare(image)).as("page %d", page + 1).isBetween(0.01, 0.5);
			}
		}
	}

	@Test
	void replacesCharactersTheFontCannotShow() throws IOException {
		List<Line> lines = new ArrayList<>(InvoiceSamples.withTimeLines(1).lines());
		lines.add(new Line(LineKind.TIME, null, "Review 漢字\twith\u0007 client", "1.00 h", new BigDecimal("100"), null,
				new BigDecimal("100.00")));
		InvoiceDocument invoice = InvoiceSamples.invoice(lines, Currency.getInstance("JPY"), null);

		try (PDDocument pdf = Loader.loadPDF(renderer.render(invoice))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Review ?? with client", "¥100");
		}
	}

	@Test
	void rendersTheSameFromManyThreadsAtOnce() throws Exception {
		InvoiceDocument invoice = InvoiceSamples.small();
		String expected;
		try (PDDocument pdf = Loader.loadPDF(renderer.render(invoice))) {
			expected = new PDFTextStripper().getText(pdf);
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> texts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				texts.add(pool.submit(() -> {
					try (PDDocument pdf = Loader.loadPDF(renderer.render(invoice))) {
						return new PDFTextStripper().getText(pdf);
					}
				}));
			}
			for (Future<String> text : texts) {
				assertThat(text.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void rendersTwoHundredInvoicesInWellUnderAFewSeconds() {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			lines.addAll(InvoiceSamples.small().lines().subList(0, 4));
		}
		InvoiceDocument twentyLines = InvoiceSamples.invoice(lines, Currency.getInstance("EUR"),
				InvoiceSamples.logo());
		for (int i = 0; i < 100; i++) {
			renderer.render(twentyLines); // warm-up: JIT, and the parsed fonts kept for the next render
		}

		// CPU time of this thread: on the shared 2-core build box wall time varies two- to threefold with the load
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < 200; i++) {
			renderer.render(twentyLines);
		}
		Duration elapsed = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);

		// the fonts are parsed once (FontFiles); per render PDFBox builds the width arrays and subsets
		assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
	}

	private byte[] renderAndKeep(InvoiceDocument invoice, String name) throws IOException {
		byte[] pdf = renderer.render(invoice);
		Files.createDirectories(SAMPLES);
		Files.write(SAMPLES.resolve(name), pdf);
		return pdf;
	}

	private static List<String> pageTexts(PDDocument pdf) throws IOException {
		List<String> texts = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper();
		for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			texts.add(stripper.getText(pdf));
		}
		return texts;
	}

	/** The leftmost and rightmost edge of any character. */
	static class TextBounds extends PDFTextStripper {

		float left = Float.MAX_VALUE;

		float right;

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			for (TextPosition position : positions) {
				left = Math.min(left, position.getXDirAdj());
				right = Math.max(right, position.getXDirAdj() + position.getWidthDirAdj());
			}
			super.writeString(text, positions);
		}

	}

	/** Share of pixels that are not (nearly) white. */
	private static double inkShare(BufferedImage image) {
		long ink = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int darkest = Math.min(rgb & 0xff, Math.min((rgb >> 8) & 0xff, (rgb >> 16) & 0xff));
				ink += (darkest < 200) ? 1 : 0;
			}
		}
		return (double) ink / ((long) image.getWidth() * image.getHeight());
	}

}
