package com.ledgerflow.invoicing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The issuing company of every invoice, from {@code ledgerflow.invoicing.company.*}; the logo is read once at start,
 * and a missing or unreadable logo (not PNG or JPEG) stops the start instead of failing each invoice.
 */
@Component
public class CompanyLetterhead {

	private final InvoiceDocument.Company company;

	CompanyLetterhead(CompanyProperties properties) {
		this.company = new InvoiceDocument.Company(properties.name(), properties.address(), logo(properties.logo()));
	}

	/** The company for {@link InvoiceDocument#company()}. */
	public InvoiceDocument.Company company() {
		return company;
	}

	private static byte @Nullable [] logo(@Nullable Resource location) {
		if (location == null) {
			return null;
		}
		try (InputStream in = location.getInputStream()) {
			byte[] image = in.readAllBytes();
			if (!isPng(image) && !isJpeg(image)) {
				throw new IllegalStateException(
						"ledgerflow.invoicing.company.logo " + location + " is neither a PNG nor a JPEG image");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("ledgerflow.invoicing.company.logo " + location + " cannot be read", ex);
		}
	}

	private static boolean isPng(byte[] image) {
		return image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
	}

	private static boolean isJpeg(byte[] image) {
		return image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff;
	}

}
