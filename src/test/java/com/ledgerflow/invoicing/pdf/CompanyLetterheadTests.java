package com.ledgerflow.invoicing.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CompanyLetterheadTests {

	@TempDir
	Path dir;

	@Test
	void printsTheDemoCompanyWithoutLogoByDefault() throws IOException {
		InvoiceDocument.Company company = new CompanyLetterhead(bind(Map.of())).company();

		assertThat(company.name()).isEqualTo("Ledgerflow Demo Consulting");
		assertThat(company.address()).containsExactly("100 Main Street, Suite 400", "Springfield, IL 62701",
				"United States");
		assertThat(company.logo()).isNull();
	}

	@Test
	void takesNameAddressAndLogoFromTheEnvironment() throws IOException {
		Path logo = Files.write(dir.resolve("logo.png"), InvoiceSamples.logo());

		InvoiceDocument.Company company = new CompanyLetterhead(bind(Map.of("LEDGERFLOW_INVOICING_COMPANY_NAME",
				"Brønsted & Søn ApS", "LEDGERFLOW_INVOICING_COMPANY_ADDRESS_0", "Østergade 1",
				"LEDGERFLOW_INVOICING_COMPANY_ADDRESS_1", "1100 København K", "LEDGERFLOW_INVOICING_COMPANY_LOGO",
				logo.toUri().toString())))
			.company();

		assertThat(company.name()).isEqualTo("Brønsted & Søn ApS");
		assertThat(company.address()).containsExactly("Østergade 1", "1100 København K");
		assertThat(company.logo()).isEqualTo(InvoiceSamples.logo());
	}

	@Test
	void refusesALogoThatIsNoImage() throws IOException {
		Path logo = Files.writeString(dir.resolve("logo.svg"), "<svg/>");

		assertThatIllegalStateException()
			.isThrownBy(() -> new CompanyLetterhead(
					bind(Map.of("LEDGERFLOW_INVOICING_COMPANY_LOGO", logo.toUri().toString()))))
			.withMessageContaining("neither a PNG nor a JPEG");
	}

	/** Binds as the application does: the environment over application.yaml. */
	private static CompanyProperties bind(Map<String, Object> environment) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
			.forEach(sources::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));
		return binder.bind("ledgerflow.invoicing.company", CompanyProperties.class).get();
	}

}
