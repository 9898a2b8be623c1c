package io.github.healthgrpc.store;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckSelectorTests {

	@Test
	void anEmptyIncludeSelectsEveryCheck() {
		assertThat(CheckSelector.ALL.selects("db")).isTrue();
		assertThat(new CheckSelector(Set.of("*"), Set.of()).selects("pricing")).isTrue();
	}

	@Test
	void includeSelectsNamedChecksAndTheMembersOfNamedComposites() {
		CheckSelector selector = new CheckSelector(Set.of("db", "pricing"), Set.of());
		assertThat(selector.selects("db")).isTrue();
		assertThat(selector.selects("db/primary")).isTrue();
		assertThat(selector.selects("dbx")).isFalse();
		assertThat(selector.selects("ping")).isFalse();
	}

	@Test
	void excludeWinsOverInclude() {
		CheckSelector selector = new CheckSelector(Set.of("*"), Set.of("db/replica"));
		assertThat(selector.selects("db/primary")).isTrue();
		assertThat(selector.selects("db/replica")).isFalse();
	}

}
