package io.github.healthgrpc.source;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import io.github.healthgrpc.check.HealthCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Whether any type a class inherits methods from (the class, its superclasses and every
 * interface they implement) declares a method annotated {@link HealthCheck @HealthCheck}:
 * only such a class can have a check, so only its methods take Spring's merged-annotation
 * search.
 *
 * <p>
 * By hand, because Spring's search of every method of every bean (what
 * {@code MethodIntrospector} with {@code findMergedAnnotation} does for each bean) made
 * an application's start dearer by about 130 ms of CPU, most of it the JIT compiling
 * Spring's annotation scanner, which that search makes hot. {@code @HealthCheck} can sit
 * only on methods, not on another annotation, so a method's own annotations tell whether
 * it is one, and Spring's search finds none on a class whose types declare none.
 */
final class CheckMethodTypes {

	private CheckMethodTypes() {
	}

	static boolean anyDeclaresOne(Class<?> beanClass) {
		return !isSpringContainerClass(beanClass) && anyDeclaresOne(beanClass, new HashSet<>());
	}

	private static boolean anyDeclaresOne(@Nullable Class<?> type, Set<Class<?>> seen) {
		if (type == null || type.getName().startsWith("java.") || !seen.add(type)) {
			return false;
		}
		// Spring's cache of each class's methods, which its own scans have filled.
		for (Method method : ReflectionUtils.getDeclaredMethods(type)) {
			if (method.isAnnotationPresent(HealthCheck.class)) {
				return true;
			}
		}
		if (anyDeclaresOne(type.getSuperclass(), seen)) {
			return true;
		}
		for (Class<?> implemented : type.getInterfaces()) {
			if (anyDeclaresOne(implemented, seen)) {
				return true;
			}
		}
		return false;
	}

	// Spring's own rule for its @EventListener scan: the container's classes (Spring's,
	// unless a component) declare no such method. Skipped whole, so that their methods'
	// signatures, which name types nothing else needs, are not loaded.
	private static boolean isSpringContainerClass(Class<?> beanClass) {
		return beanClass.getName().startsWith("org.springframework.")
				&& !AnnotatedElementUtils.isAnnotated(ClassUtils.getUserClass(beanClass), Component.class);
	}

}
