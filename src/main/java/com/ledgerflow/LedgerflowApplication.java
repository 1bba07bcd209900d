package com.ledgerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ledgerflow: project-to-cash for consulting firms, orchestrated by BPMN on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class LedgerflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(LedgerflowApplication.class, args);
	}

}
