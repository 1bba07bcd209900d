package com.ledgerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Checks every file analysts own in {@code bpmn/} and {@code forms/} (read from the project root, as deployed) against
 * the modelling rules of DESIGN.md, without an engine or a Spring context.
 */
class ModelFileTests {

	private static final Path BPMN = Path.of("bpmn");

	private static final Path FORMS = Path.of("forms");

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** {@code ${bean}} or {@code ${bean.method(...)}}: group 1 is the bean name. */
	private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_$][\\w$]*)\\b.*}$");

	/** Delegate-backed service tasks that deliberately run in the caller's transaction, and why. */
	private static final Map<String, String> SYNCHRONOUS_SERVICE_TASKS = Map.of("project-lifecycle/Task_RegisterProject",
			"an invalid Tasklist start form must fail the start itself, so Tasklist shows the error");

	private static final ObjectMapper JSON = new ObjectMapper();

	static Stream<Path> bpmnFiles() throws IOException {
		return filesIn(BPMN, ".bpmn");
	}

	static Stream<Path> dmnFiles() throws IOException {
		return filesIn(BPMN, ".dmn");
	}

	static Stream<Path> formFiles() throws IOException {
		return filesIn(FORMS, ".form");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void parsesAndValidatesWithTheBpmnModelApi(Path file) {
		Bpmn.validateModel(bpmn(file));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void namesTheFileAfterItsExecutableProcessKey(Path file) {
		var processes = bpmn(file).getModelElementsByType(Process.class);

		assertThat(processes).filteredOn(Process::isExecutable)
			.extracting(BaseElement::getId)
			.containsExactly(file.getFileName().toString().replaceFirst("\\.bpmn$", ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void setsHistoryTimeToLiveAndVersionTagOnEveryProcess(Path file) {
		var processes = bpmn(file).getModelElementsByType(Process.class);

		assertThat(processes).allSatisfy(process -> {
			assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", process.getId())
				.isNotBlank();
			assertThat(process.getCamundaVersionTag()).as("%s versionTag", process.getId()).isNotBlank();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void drawsEveryFlowNodeAsAShapeAndEverySequenceFlowAsAnEdge(Path file) {
		BpmnModelInstance model = bpmn(file);

		assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node -> assertThat(node.getDiagramElement())
			.as("shape of %s", node.getId())
			.isInstanceOf(BpmnShape.class));
		assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(flow -> {
			assertThat(flow.getDiagramElement()).as("edge of %s", flow.getId()).isInstanceOf(BpmnEdge.class);
			assertThat(((BpmnEdge) flow.getDiagramElement()).getWaypoints()).as("waypoints of %s", flow.getId())
				.hasSizeGreaterThanOrEqualTo(2);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void drawsNoFlowNodeOnTopOfAnother(Path file) {
		List<FlowNode> nodes = bpmn(file).getModelElementsByType(FlowNode.class)
			.stream()
			.filter(node -> !(node instanceof BoundaryEvent) && node.getDiagramElement() != null)
			.toList();

		for (FlowNode a : nodes) {
			for (FlowNode b : nodes) {
				if (a != b && !contains(a, b) && !contains(b, a)) {
					assertThat(overlap(bounds(a), bounds(b))).as("%s overlaps %s", a.getId(), b.getId()).isFalse();
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void referencesOnlyFormsThatExistInTheFormsDirectory(Path file) throws IOException {
		Set<String> formIds = formIds();
		BpmnModelInstance model = bpmn(file);
		Stream<BaseElement> withForms = Stream.concat(
				model.getModelElementsByType(UserTask.class).stream().filter(task -> task.getCamundaFormRef() != null),
				model.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null));

		assertThat(withForms).allSatisfy(element -> assertThat(formRef(element)).as("formRef of %s", element.getId())
			.isIn(formIds));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void bindsEveryDelegateExpressionToAnApplicationComponent(Path file) {
		List<String> expressions = new ArrayList<>();
		collectDelegateExpressions(bpmn(file).getDocument().getRootElement(), expressions);
		assertThat(expressions).allSatisfy(expression -> assertThat(expression).matches(BEAN_EXPRESSION));

		Set<String> beans = componentNames();
		assertThat(expressions.stream().map(ModelFileTests::beanName).filter(bean -> !beans.contains(bean)).distinct())
			.as("beans named by delegateExpressions in %s that no @Component in com.ledgerflow provides", file)
			.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bpmnFiles")
	void runsEveryDelegateServiceTaskAsynchronouslyWithARetryCycle(Path file) {
		Stream<ServiceTask> delegates = bpmn(file).getModelElementsByType(ServiceTask.class)
			.stream()
			.filter(task -> task.getCamundaDelegateExpression() != null || task.getCamundaClass() != null
					|| task.getCamundaExpression() != null)
			.filter(task -> !SYNCHRONOUS_SERVICE_TASKS.containsKey(processKey(task) + "/" + task.getId()));

		assertThat(delegates).allSatisfy(task -> {
			assertThat(task.isCamundaAsyncBefore()).as("%s asyncBefore", task.getId()).isTrue();
			assertThat(retryCycle(task)).as("%s failedJobRetryTimeCycle", task.getId()).isNotBlank();
		});
	}

	@ParameterizedTest(name = "{0}", allowZeroInvocations = true)
	@MethodSource("dmnFiles")
	void parsesDecisionsWithTheDmnModelApiAndSetsHistoryTimeToLiveAndVersionTag(Path file) {
		DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
		Dmn.validateModel(model);

		assertThat(model.getModelElementsByType(Decision.class)).allSatisfy(decision -> {
			assertThat(decision.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", decision.getId())
				.isNotBlank();
			assertThat(decision.getVersionTag()).as("%s versionTag", decision.getId()).isNotBlank();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void isACamundaFormWithIdTypeAndComponents(Path file) throws IOException {
		JsonNode form = JSON.readTree(file.toFile());

		assertThat(form.path("id").isTextual()).as("id").isTrue();
		assertThat(form.path("id").asText()).as("id").isEqualTo(file.getFileName().toString().replace(".form", ""));
		assertThat(form.path("type").asText()).as("type").isEqualTo("default");
		assertThat(form.path("components").isArray()).as("components").isTrue();
	}

	@Test
	void givesEveryFormAnIdOfItsOwn() throws IOException {
		List<String> ids = formFiles().map(ModelFileTests::formId).toList();

		assertThat(ids).doesNotHaveDuplicates();
	}

	private static Stream<Path> filesIn(Path directory, String extension) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList().stream();
		}
	}

	private static BpmnModelInstance bpmn(Path file) {
		return Bpmn.readModelFromFile(file.toFile());
	}

	private static Set<String> formIds() throws IOException {
		return formFiles().map(ModelFileTests::formId).collect(Collectors.toSet());
	}

	private static String formId(Path file) {
		try {
			return JSON.readTree(file.toFile()).path("id").asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	private static String formRef(BaseElement element) {
		return (element instanceof UserTask task) ? task.getCamundaFormRef() : ((StartEvent) element).getCamundaFormRef();
	}

	/** Bean names of the application's (not the tests') components, as Spring would name them. */
	private static Set<String> componentNames() {
		var scanner = new ClassPathScanningCandidateComponentProvider(true);
		var registry = new SimpleBeanDefinitionRegistry();
		return scanner.findCandidateComponents("com.ledgerflow")
			.stream()
			.filter(definition -> !String.valueOf(definition.getResourceDescription()).contains("test-classes"))
			.map(definition -> AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry))
			.collect(Collectors.toSet());
	}

	/** Service tasks, send tasks, message events and task or execution listeners alike. */
	private static void collectDelegateExpressions(DomElement element, Collection<String> expressions) {
		// also finds the unqualified attribute of camunda:taskListener and camunda:executionListener
		String expression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
		if (expression != null) {
			expressions.add(expression);
		}
		element.getChildElements().forEach(child -> collectDelegateExpressions(child, expressions));
	}

	private static String beanName(String expression) {
		Matcher bean = BEAN_EXPRESSION.matcher(expression);
		return bean.matches() ? bean.group(1) : expression;
	}

	private static String processKey(FlowNode node) {
		var parent = node.getParentElement();
		while (!(parent instanceof Process)) {
			parent = parent.getParentElement();
		}
		return ((Process) parent).getId();
	}

	private static String retryCycle(Activity task) {
		if (task.getExtensionElements() == null) {
			return null;
		}
		return task.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaFailedJobRetryTimeCycle.class)
			.list()
			.stream()
			.map(CamundaFailedJobRetryTimeCycle::getTextContent)
			.findFirst()
			.orElse(null);
	}

	private static boolean contains(FlowNode outer, FlowNode inner) {
		for (var parent = inner.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent == outer) {
				return true;
			}
		}
		return false;
	}

	private static Bounds bounds(FlowNode node) {
		return ((BpmnShape) node.getDiagramElement()).getBounds();
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

}
