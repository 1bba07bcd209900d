package com.ledgerflow.timetracking.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeImportRejected;
import com.ledgerflow.timetracking.TimeImportReport;
import com.ledgerflow.timetracking.TimeImportService;
import com.ledgerflow.timetracking.importer.TimeCsvUnreadable;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The time import page: upload a Harvest, Toggl, Clockify or Ledgerflow CSV, see what it would import (the preview),
 * then confirm without choosing the file again — the upload waits in {@link PendingImports} under a token only its
 * uploader can use. Consultants import their own time; managers, finance and administrators anyone's, as in the API.
 */
@Controller
@RequestMapping("/timesheet/import")
class TimeImportPages {

	static final String TEMPLATE = "timetracking/import";

	private final TimeImportService imports;

	private final PendingImports pending;

	private final StaffAccess access;

	TimeImportPages(TimeImportService imports, PendingImports pending, StaffAccess access) {
		this.imports = imports;
		this.pending = pending;
		this.access = access;
	}

	@GetMapping
	ModelAndView form() {
		return new ModelAndView(TEMPLATE);
	}

	/** Keeps the upload and shows what importing it would do; a file that is no known export: the reason. */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ModelAndView preview(Authentication caller, @RequestParam(name = "file", required = false) @Nullable MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return refused("File: choose a CSV export to upload", HttpStatus.BAD_REQUEST);
		}
		String token;
		try (InputStream upload = file.getInputStream()) {
			token = pending.keep(caller.getName(), upload);
		}
		try (InputStream csv = Files.newInputStream(pending.find(caller.getName(), token).orElseThrow())) {
			TimeImportReport report = imports.preview(csv, caller.getName(), access.seesEveryone(caller));
			return new ModelAndView(TEMPLATE).addObject("report", report)
				.addObject("token", token)
				.addObject("fileName", fileName(file));
		}
		catch (TimeCsvUnreadable ex) {
			pending.discard(caller.getName(), token);
			return refused(unreadable(ex), HttpStatus.BAD_REQUEST);
		}
	}

	/** Imports the previewed upload, all or nothing; the upload is gone afterwards, imported or not. */
	@PostMapping("/{token}")
	ModelAndView commit(Authentication caller, @PathVariable String token,
			@RequestParam(required = false) @Nullable String fileName) throws IOException {
		Optional<Path> upload = pending.find(caller.getName(), token);
		if (upload.isEmpty()) {
			return refused("This upload is no longer here: it was imported already, is older than a day, or is not "
					+ "yours. Upload the file again.", HttpStatus.NOT_FOUND);
		}
		try (InputStream csv = Files.newInputStream(upload.get())) {
			TimeImportReport report = imports.commit(csv, caller.getName(), access.seesEveryone(caller));
			ModelAndView page = new ModelAndView(TEMPLATE).addObject("report", report).addObject("fileName", fileName);
			if (report.firstEntryDate() != null) {
				page.addObject("firstWeek", IsoWeek.of(report.firstEntryDate()));
			}
			return page;
		}
		catch (TimeImportRejected ex) {
			return refused("The file has row errors; nothing was imported. Fix them and upload the file again.",
					HttpStatus.BAD_REQUEST)
				.addObject("report", ex.report())
				.addObject("fileName", fileName);
		}
		catch (TimeCsvUnreadable ex) {
			return refused(unreadable(ex), HttpStatus.BAD_REQUEST);
		}
		finally {
			pending.discard(caller.getName(), token);
		}
	}

	static ModelAndView refused(String error, HttpStatus status) {
		ModelAndView page = new ModelAndView(TEMPLATE).addObject("error", error);
		page.setStatus(status);
		return page;
	}

	private static String unreadable(TimeCsvUnreadable ex) {
		return "The file is not a time export Ledgerflow reads — " + ex.column() + ": " + ex.reason();
	}

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? "upload.csv" : Path.of(name).getFileName().toString();
	}

}
