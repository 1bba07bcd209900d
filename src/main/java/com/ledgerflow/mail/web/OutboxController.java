package com.ledgerflow.mail.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;

import com.ledgerflow.mail.outbox.OutboxAttachment;
import com.ledgerflow.mail.outbox.OutboxMessage;
import com.ledgerflow.mail.outbox.OutboxMessages;
import com.ledgerflow.mail.smtp.MimeMessageRenderer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The outbox page: every message, its .eml and attachments, and a retry for failed ones. */
@Controller
@RequestMapping("/outbox")
class OutboxController {

	/** The page shows this many newest messages; older ones stay in the table. */
	static final int PAGE_SIZE = 200;

	private static final MediaType MESSAGE_RFC822 = MediaType.parseMediaType("message/rfc822");

	private final OutboxMessages messages;

	private final MimeMessageRenderer renderer;

	private final ZoneId zone;

	OutboxController(OutboxMessages messages, MimeMessageRenderer renderer,
			@Value("${ledgerflow.company.time-zone:UTC}") ZoneId zone) {
		this.messages = messages;
		this.renderer = renderer;
		this.zone = zone;
	}

	/** Times are stored in UTC and shown in the company's time zone. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("messages", messages.newest(PAGE_SIZE));
		model.addAttribute("pageSize", PAGE_SIZE);
		return "mail/outbox";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("message", find(id));
		return "mail/outbox-message";
	}

	@GetMapping("/{id}.eml")
	ResponseEntity<byte[]> eml(@PathVariable UUID id) {
		return download(renderer.eml(find(id)), MESSAGE_RFC822, id + ".eml");
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		OutboxAttachment attachment = find(id).getAttachments()
			.stream()
			.filter((candidate) -> candidate.getId().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new OutboxMessageNotFound("attachment", attachmentId));
		return download(attachment.getContent(), MediaType.parseMediaType(attachment.getContentType()),
				attachment.getFilename());
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable UUID id) {
		boolean retried = messages.retry(id).orElseThrow(() -> new OutboxMessageNotFound("outbox message", id));
		if (!retried) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail
				.forStatusAndDetail(HttpStatus.CONFLICT, "Only a FAILED message can be retried: " + id), null);
		}
		return "redirect:/outbox/" + id;
	}

	private OutboxMessage find(UUID id) {
		return messages.findWithAttachments(id).orElseThrow(() -> new OutboxMessageNotFound("outbox message", id));
	}

	private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
