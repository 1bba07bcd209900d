package com.ledgerflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ and forms/ under stable names ({@code bpmn/project-lifecycle.bpmn}) whether they come from the jar or
 * from target/classes. Camunda's Spring integration would name them by absolute file path in one case and bare file
 * name in the other, so the same model would count as changed (a new version) whenever the app moved.
 */
@Component
class ModelResources extends DefaultDeploymentConfiguration {

	static final Set<String> MODEL_FOLDERS = Set.of("bpmn", "forms");

	@Override
	public Set<Resource> getDeploymentResources() {
		Set<Resource> named = new LinkedHashSet<>();
		for (Resource resource : super.getDeploymentResources()) {
			named.add(new NamedResource(stableName(resource), read(resource)));
		}
		return named;
	}

	static String stableName(Resource resource) {
		String url;
		try {
			url = resource.getURL().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int start = -1;
		for (String folder : MODEL_FOLDERS) {
			start = Math.max(start, url.lastIndexOf("/" + folder + "/"));
		}
		return start < 0 ? String.valueOf(resource.getFilename()) : url.substring(start + 1);
	}

	private static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A resource Camunda names by {@link #getPathWithinContext()}. */
	static final class NamedResource extends ByteArrayResource implements ContextResource {

		private final String name;

		NamedResource(String name, byte[] content) {
			super(content, name);
			this.name = name;
		}

		@Override
		public String getPathWithinContext() {
			return name;
		}

		@Override
		public String getFilename() {
			return name.substring(name.lastIndexOf('/') + 1);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof NamedResource that && name.equals(that.name) && super.equals(other);
		}

		@Override
		public int hashCode() {
			return name.hashCode();
		}

	}

}
