package io.github.healthgrpc.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.util.Assert;

/**
 * The Kubernetes manifests in {@code sample-app/k8s}, every document of every file, read
 * as plain YAML: the Deployment's one container, its probes, and the Service.
 */
final class KubernetesManifests {

	// A service named in a commented-out probe: an alternative for users to switch to.
	private static final Pattern COMMENTED_SERVICE = Pattern.compile("^\\s*#\\s*service:\\s*(\\S+)\\s*$",
			Pattern.MULTILINE);

	private final List<Map<String, Object>> documents;

	private final List<String> texts;

	private KubernetesManifests(List<Map<String, Object>> documents, List<String> texts) {
		this.documents = documents;
		this.texts = texts;
	}

	/**
	 * Read every {@code .yaml} file of a folder.
	 * @param folder the folder, such as {@code k8s} (Maven runs tests in the module's
	 * folder)
	 * @return the manifests
	 */
	static KubernetesManifests read(Path folder) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Map<String, Object>> documents = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
				String text = Files.readString(file);
				texts.add(text);
				yaml.loadAll(text).forEach((document) -> documents.add(map(document, file.toString())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new KubernetesManifests(documents, texts);
	}

	/**
	 * The services that commented-out probes name, the alternatives a user may switch to.
	 * @return the service names
	 */
	List<String> commentedServices() {
		return this.texts.stream()
			.flatMap((text) -> COMMENTED_SERVICE.matcher(text).results())
			.map((match) -> match.group(1))
			.toList();
	}

	/**
	 * The one document of a kind.
	 * @param kind such as {@code Deployment}
	 * @return the document
	 */
	Map<String, Object> only(String kind) {
		List<Map<String, Object>> found = this.documents.stream()
			.filter((doc) -> kind.equals(doc.get("kind")))
			.toList();
		Assert.state(found.size() == 1, () -> "Expected one " + kind + " in the manifests, found " + found.size());
		return found.get(0);
	}

	/**
	 * The Deployment's pod template spec.
	 * @return the spec
	 */
	Map<String, Object> podSpec() {
		return at(only("Deployment"), "spec", "template", "spec");
	}

	/**
	 * The Deployment's one container.
	 * @return the container
	 */
	Map<String, Object> container() {
		List<Map<String, Object>> containers = list(podSpec(), "containers");
		Assert.state(containers.size() == 1, "Expected the Deployment to have one container");
		return containers.get(0);
	}

	/**
	 * A value inside a document.
	 * @param document the document or a part of it
	 * @param path the keys that lead to the value
	 * @return the value, a map
	 */
	static Map<String, Object> at(Map<String, Object> document, String... path) {
		Map<String, Object> value = document;
		for (String key : path) {
			value = map(value.get(key), key);
		}
		return value;
	}

	/**
	 * A list of maps inside a document.
	 * @param document the document or a part of it
	 * @param key the key of the list
	 * @return the list
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> document, String key) {
		Object value = document.get(key);
		Assert.state(value instanceof List, () -> "Expected a list at '" + key + "', found " + value);
		return (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String where) {
		Assert.state(value instanceof Map, () -> "Expected a mapping at '" + where + "', found " + value);
		return (Map<String, Object>) value;
	}

}
