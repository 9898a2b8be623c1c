package io.github.healthgrpc.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * A view of one property source in which the keys of {@code grpc.health.services} and
 * {@code grpc.health.checks} are written in brackets: Spring Boot's {@code Binder} reads
 * {@code grpc.health.services.demo.Inventory.include} from it as
 * {@code grpc.health.services[demo.Inventory].include}.
 *
 * <p>
 * Spring Boot's binder cannot read such a key itself: for a map whose values are objects
 * it takes the single element after the map as the key (see {@link DottedMapKeys}). Here
 * the key is everything between the map and the first property that an entry has
 * ({@code include}, {@code exclude}; {@code interval}, {@code timeout}); a name without
 * one is left as it is, for the binder to reject. Spellings of one key that differ only
 * by case are given one spelling, the first that has capitals (environment variables
 * arrive in lower case), so the binder sees one entry and takes each of its properties
 * from the source that takes precedence for it. Values and origins stay those of the
 * underlying source, so Spring Boot's failure reports still say where a value was
 * written.
 */
final class BracketedKeyPropertySource implements IterableConfigurationPropertySource {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("grpc.health");

	private static final int MAP = ROOT.getNumberOfElements();

	// The properties of each map's entries, in Spring Boot's uniform form (lower case, no
	// dashes).
	private static final Map<String, Set<String>> ENTRY_PROPERTIES = Map.of("services",
			uniformProperties(HealthGrpcProperties.Group.class), "checks",
			uniformProperties(HealthGrpcProperties.Check.class));

	private final IterableConfigurationPropertySource source;

	// The source's names under grpc.health, as it spells them.
	private final List<ConfigurationPropertyName> sourceNames;

	// The name each property has in this view, to the name it has in the source.
	private final Map<ConfigurationPropertyName, ConfigurationPropertyName> names;

	private BracketedKeyPropertySource(IterableConfigurationPropertySource source,
			List<ConfigurationPropertyName> sourceNames,
			Map<ConfigurationPropertyName, ConfigurationPropertyName> names) {
		this.source = source;
		this.sourceNames = sourceNames;
		this.names = names;
	}

	/**
	 * The environment's configuration property sources, in order, each enumerable one
	 * seen through this view.
	 * @param environment the environment
	 * @return the sources to bind {@code grpc.health} from
	 */
	static List<ConfigurationPropertySource> of(Environment environment) {
		return of(ConfigurationPropertySources.get(environment));
	}

	/**
	 * The given sources, in order, each enumerable one seen through this view.
	 * @param configurationPropertySources the sources, the first taking precedence
	 * @return the sources to bind {@code grpc.health} from
	 */
	static List<ConfigurationPropertySource> of(Iterable<ConfigurationPropertySource> configurationPropertySources) {
		// Each source's names are read once; every spelling of a key is known before
		// any view spells it.
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		Map<ConfigurationPropertySource, List<ConfigurationPropertyName>> healthNames = new IdentityHashMap<>();
		Map<String, String> spellings = new HashMap<>();
		for (ConfigurationPropertySource source : configurationPropertySources) {
			sources.add(source);
			if (source instanceof IterableConfigurationPropertySource iterable) {
				List<ConfigurationPropertyName> names = healthNames(iterable);
				healthNames.put(source, names);
				for (ConfigurationPropertyName name : names) {
					Entry entry = entry(name);
					if (entry != null) {
						String spelling = spellings.get(entry.id());
						spellings.put(entry.id(), (spelling != null) ? spelling(spelling, entry.key()) : entry.key());
					}
				}
			}
		}
		List<ConfigurationPropertySource> views = new ArrayList<>(sources.size());
		for (ConfigurationPropertySource source : sources) {
			List<ConfigurationPropertyName> names = healthNames.get(source);
			views.add((names != null) ? view((IterableConfigurationPropertySource) source, names, spellings) : source);
		}
		return views;
	}

	@Override
	public Stream<ConfigurationPropertyName> stream() {
		return this.names.keySet().stream();
	}

	// A loop over this view's few names, where the default would stream them through a
	// predicate.
	@Override
	public ConfigurationPropertyState containsDescendantOf(ConfigurationPropertyName name) {
		for (ConfigurationPropertyName candidate : this.names.keySet()) {
			if (name.isAncestorOf(candidate)) {
				return ConfigurationPropertyState.PRESENT;
			}
		}
		return ConfigurationPropertyState.ABSENT;
	}

	@Override
	public @Nullable ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
		ConfigurationPropertyName original = this.names.getOrDefault(name, name);
		ConfigurationProperty property = this.source.getConfigurationProperty(original);
		return (property != null && original != name)
				? new ConfigurationProperty(name, property.getValue(), property.getOrigin()) : property;
	}

	@Override
	public @Nullable Object getUnderlyingSource() {
		return this.source.getUnderlyingSource();
	}

	/**
	 * The properties of the underlying source under a name, as it spells them: a key that
	 * this view gives one spelling appears in each of its spellings.
	 * @param ancestor a name under {@code grpc.health}
	 * @return the properties under it
	 */
	List<ConfigurationProperty> sourcePropertiesUnder(ConfigurationPropertyName ancestor) {
		List<ConfigurationProperty> properties = new ArrayList<>();
		for (ConfigurationPropertyName name : this.sourceNames) {
			ConfigurationProperty property = ancestor.isAncestorOf(name) ? this.source.getConfigurationProperty(name)
					: null;
			if (property != null) {
				properties.add(property);
			}
		}
		return properties;
	}

	private static BracketedKeyPropertySource view(IterableConfigurationPropertySource source,
			List<ConfigurationPropertyName> healthNames, Map<String, String> spellings) {
		Map<ConfigurationPropertyName, ConfigurationPropertyName> names = new LinkedHashMap<>();
		for (ConfigurationPropertyName name : healthNames) {
			Entry entry = entry(name);
			ConfigurationPropertyName viewName = (entry != null) ? name.chop(MAP + 1)
				.append("[" + spellings.get(entry.id()) + "]")
				.append(name.subName(entry.property())) : name;
			names.putIfAbsent(viewName, name);
		}
		return new BracketedKeyPropertySource(source, healthNames, names);
	}

	private static List<ConfigurationPropertyName> healthNames(IterableConfigurationPropertySource source) {
		List<ConfigurationPropertyName> names = new ArrayList<>();
		// Through its stream, which the binder has used already: a source's own iterator
		// can be a class more to load.
		for (ConfigurationPropertyName name : source.stream().toList()) {
			if (ROOT.isAncestorOf(name)) {
				names.add(name);
			}
		}
		return names;
	}

	// Of two spellings of one key, the first, unless only the other has capitals.
	private static String spelling(String first, String other) {
		return (first.equals(lowerCase(first)) && !other.equals(lowerCase(other))) ? other : first;
	}

	// The map entry a name belongs to: the key starts after the map and ends before the
	// first property of an entry, which must have at least one element before it.
	private static @Nullable Entry entry(ConfigurationPropertyName name) {
		Set<String> properties = (name.getNumberOfElements() > MAP + 2)
				? ENTRY_PROPERTIES.get(name.getElement(MAP, Form.UNIFORM)) : null;
		if (properties == null) {
			return null;
		}
		for (int property = MAP + 2; property < name.getNumberOfElements(); property++) {
			if (properties.contains(name.getElement(property, Form.UNIFORM))) {
				StringJoiner key = new StringJoiner(".");
				for (int i = MAP + 1; i < property; i++) {
					key.add(name.getElement(i, Form.ORIGINAL));
				}
				return new Entry(name.getElement(MAP, Form.UNIFORM), key.toString(), property);
			}
		}
		return null;
	}

	private static String lowerCase(String key) {
		return key.toLowerCase(Locale.ROOT);
	}

	private static Set<String> uniformProperties(Class<?> type) {
		Set<String> properties = new HashSet<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null) {
				properties.add(lowerCase(property.getName()));
			}
		}
		return Set.copyOf(properties);
	}

	/**
	 * The map entry that a property name belongs to.
	 *
	 * @param map the map, in uniform form
	 * @param key the key as written
	 * @param property the index of the entry's property in the name
	 */
	private record Entry(String map, String key, int property) {

		// Spellings that differ only by case are one key.
		String id() {
			return this.map + "." + lowerCase(this.key);
		}

	}

}
