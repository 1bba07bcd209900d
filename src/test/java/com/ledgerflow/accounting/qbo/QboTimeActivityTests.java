package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.ExternalTimeActivity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading QBO's {@code TimeActivity} JSON into the port's terms. */
class QboTimeActivityTests {

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

	@Test
	void readsHoursMinutesAndAnAlreadyBilledStatusAsBillable() throws IOException {
		JsonNode sample;
		try (InputStream in = getClass().getResourceAsStream("/qbo-samples/timeactivity-read-response-docs.json")) {
			sample = json.readTree(in).path("TimeActivity");
		}

		ExternalTimeActivity read = json.treeToValue(sample, QboTimeActivity.class).toExternal();

		assertThat(read.id()).isEqualTo(new ExternalRef("5"));
		assertThat(read.customerOrJob()).isEqualTo(new ExternalRef("21"));
		assertThat(read.employee()).isEqualTo(new ExternalRef("55"));
		assertThat(read.employeeName()).isEqualTo("Emily Platt");
		assertThat(read.date()).isEqualTo(LocalDate.of(2014, 9, 17));
		assertThat(read.minutes()).isEqualTo(180);
		assertThat(read.start()).isNull();
		assertThat(read.description()).isEqualTo("Garden Lighting");
		assertThat(read.billable()).isTrue();
		assertThat(read.hourlyRate()).isEqualByComparingTo("15");
	}

	@Test
	void readsStartAndEndAsTheWallClockTimeLessTheBreak() throws IOException {
		QboTimeActivity activity = json.readValue("""
				{"Id":"7","TxnDate":"2025-11-10","NameOf":"Employee","EmployeeRef":{"value":"55","name":"Emily Platt"},
				 "CustomerRef":{"value":"21"},"BillableStatus":"NotBillable","StartTime":"2025-11-10T08:30:00-08:00",
				 "EndTime":"2025-11-10T12:00:00-08:00","BreakHours":0,"BreakMinutes":30}""", QboTimeActivity.class);

		ExternalTimeActivity read = activity.toExternal();

		assertThat(read.minutes()).isEqualTo(180);
		assertThat(read.start()).isEqualTo(LocalTime.of(8, 30));
		assertThat(read.end()).isEqualTo(LocalTime.of(12, 0));
		assertThat(read.billable()).isFalse();
		assertThat(read.description()).isEmpty();
	}

	@Test
	void aVendorsTimeHasNoEmployee() throws IOException {
		QboTimeActivity activity = json.readValue("""
				{"Id":"8","TxnDate":"2025-11-10","NameOf":"Vendor","VendorRef":{"value":"40","name":"Norton"},
				 "CustomerRef":{"value":"21"},"Hours":1,"Minutes":15}""", QboTimeActivity.class);

		ExternalTimeActivity read = activity.toExternal();

		assertThat(read.employee()).isNull();
		assertThat(read.employeeName()).isEmpty();
		assertThat(read.minutes()).isEqualTo(75);
	}

}
