package io.github.healthgrpc.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Binds a map property whose keys may contain dots, such as gRPC service names.
 *
 * <p>Spring Boot's binder reads {@code services.demo.Inventory.include} as the key
 * {@code demo} with an unknown property {@code Inventory}, and drops it without a word;
 * only {@code services[demo.Inventory]} survives. Users write the plain form, so this
 * reads the property names themselves: everything between the map's prefix and the
 * first known leaf property ({@code include}, {@code interval}, ...) is the key. Any
 * name under the prefix without a known leaf is an error, never ignored. Keys written in
 * environment variables arrive in lower case; keys that differ only in case are one, and
 * each of their properties comes from the property source that takes precedence for it,
 * whichever spelling that source uses.
 */
final class DottedKeyMap {

	private DottedKeyMap() {
	}

	/**
	 * Bind every entry under the prefix.
	 * @param <T> the entry type
	 * @param environment the environment to read
	 * @param prefix the map property, such as {@code grpc.health.services}
	 * @param leaves the properties an entry has, such as {@code include}
	 * @param type the entry type
	 * @param empty creates an entry for a key whose properties bound to nothing
	 * @return the entries by key, in the order first seen
	 */
	static <T> Map<String, Entry<T>> bind(Environment environment, String prefix, Set<String> leaves, Class<T> type,
			Supplier<T> empty) {
		ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
		Map<String, String> keys = new LinkedHashMap<>();
		List<ConfigurationPropertySource> respelled = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				Map<String, Object> properties = new LinkedHashMap<>();
				iterable.filter(root::isAncestorOf).forEach((name) -> {
					ConfigurationPropertyName entryName = entryName(root, name, leaves);
					String key = key(root, entryName);
					String lowerCase = key.toLowerCase(Locale.ROOT);
					keys.putIfAbsent(lowerCase, key);
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					if (property != null) {
						properties.putIfAbsent(bracketed(prefix, lowerCase)
								+ "." + name.subName(entryName.getNumberOfElements()), property.getValue());
					}
				});
				respelled.add(new MapConfigurationPropertySource(properties));
			}
		}
		// Every spelling of a key (plain, bracketed, lower case) now has one name in each
		// source, in the environment's order: each property comes from the source that
		// takes precedence for it, and no spelling hides another.
		Binder binder = new Binder(respelled, new PropertySourcesPlaceholdersResolver(environment));
		Map<String, Entry<T>> byKey = new LinkedHashMap<>();
		keys.forEach((lowerCase, key) -> byKey.put(key, new Entry<>(key, prefix + "[" + key + "]",
				binder.bind(bracketed(prefix, lowerCase), Bindable.of(type)).orElseGet(empty))));
		return byKey;
	}

	private static String bracketed(String prefix, String lowerCaseKey) {
		return prefix + "[" + lowerCaseKey + "]";
	}

	private static ConfigurationPropertyName entryName(ConfigurationPropertyName root, ConfigurationPropertyName name,
			Set<String> leaves) {
		int first = root.getNumberOfElements();
		for (int i = first + 1; i < name.getNumberOfElements(); i++) {
			if (KnownProperties.match(name, i, leaves, false) != null) {
				return name.chop(i);
			}
		}
		throw KnownProperties.unknown(name, root + ".<name>", new TreeSet<>(leaves),
				", with the name as a plain key (demo.Inventory) or in brackets ([demo.Inventory])");
	}

	private static String key(ConfigurationPropertyName root, ConfigurationPropertyName entryName) {
		StringBuilder key = new StringBuilder();
		for (int i = root.getNumberOfElements(); i < entryName.getNumberOfElements(); i++) {
			key.append((key.length() > 0) ? "." : "")
				.append(entryName.getElement(i, ConfigurationPropertyName.Form.ORIGINAL));
		}
		return key.toString();
	}

	/**
	 * One bound entry.
	 *
	 * @param <T> the entry type
	 * @param key the key as written
	 * @param property the entry's property, for messages
	 * @param value the bound value
	 */
	record Entry<T>(String key, String property, T value) {

	}

}
