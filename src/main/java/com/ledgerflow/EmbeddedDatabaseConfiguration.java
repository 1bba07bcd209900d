package com.ledgerflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default database: with no {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}) Ledgerflow
 * starts a real PostgreSQL from zonky's binaries and hands it to a HikariCP pool (never zonky's unpooled data source:
 * one connection per engine command is ten times slower). With a data directory set the data survives restarts; with
 * none (tests) every start gets a fresh, throw-away cluster.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final String DATABASE = "ledgerflow";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${ledgerflow.embedded-database.data-directory:}") String dataDirectory,
			@Value("${ledgerflow.embedded-database.port:0}") int port) throws IOException {
		// Spring stops the server after the pool (destroy order); zonky's own JVM hook would stop it first and leave
		// the shutdown of the engine and the event registry waiting on dead connections
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C");
		if (StringUtils.hasText(dataDirectory)) {
			Path directory = Path.of(dataDirectory).toAbsolutePath();
			Files.createDirectories(directory);
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
		}
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		createDatabaseIfMissing(postgres);
		log.info("Embedded PostgreSQL started: {} (data: {})", postgres.getJdbcUrl("postgres", DATABASE),
				StringUtils.hasText(dataDirectory) ? dataDirectory : "temporary");
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres,
			@Value("${ledgerflow.embedded-database.pool-size:${LEDGERFLOW_EMBEDDED_DATABASE_POOL_SIZE:20}}") int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("ledgerflow-embedded");
		return new HikariDataSource(config);
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		DataSource admin = postgres.getPostgresDatabase();
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the embedded database " + DATABASE, ex);
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
