package com.ledgerflow.mail.smtp;

import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Validated recipients of one message, stored as the RFC 822 address list of its {@code To} header.
 * @param addresses at least one address, each with a domain
 */
public record AddressList(List<InternetAddress> addresses) {

	public AddressList {
		if (addresses.isEmpty()) {
			throw new IllegalArgumentException("A mail needs at least one recipient");
		}
		addresses = List.copyOf(addresses);
	}

	/**
	 * Parses addresses such as {@code jane@example.com} or {@code Jane Doe <jane@example.com>}.
	 * @throws IllegalArgumentException naming the first address that is not a valid e-mail address
	 */
	public static AddressList of(List<String> addresses) {
		return new AddressList(addresses.stream().map(AddressList::parse).toList());
	}

	/** Reads back what {@link #header()} wrote. */
	public static AddressList fromHeader(String header) {
		try {
			return new AddressList(List.of(InternetAddress.parseHeader(header, true)));
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Invalid recipient list '" + header + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * The addresses as one RFC 822 address list, display names quoted where needed and kept in Unicode (readable on
	 * the outbox page; encoded when the message is rendered).
	 */
	public String header() {
		return String.join(", ", addresses.stream().map(InternetAddress::toUnicodeString).toList());
	}

	InternetAddress[] toArray() {
		return addresses.toArray(InternetAddress[]::new);
	}

	private static InternetAddress parse(String address) {
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (!parsed.getAddress().contains("@")) {
				throw new AddressException("Missing domain", address);
			}
			return parsed;
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Invalid e-mail address '" + address + "': " + ex.getMessage(), ex);
		}
	}

}
