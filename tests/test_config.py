"""Configuration: discovery, selection, options, and every mistake as a clear error before linting."""
import pytest

from _cli import BAD_ARTICLE, RULE_WITH_OPTION, plugin, run, run_json, write

# Other rule families come and go; these tests watch the two formatting rules the fixture trips.
OURS = {"repeated-line", "bare-list-marker"}


def ours(found):
    return {f["rule"] for f in found} & OURS
from lint.config import ConfigError, find_config, from_dict, load_config


# -- discovery -------------------------------------------------------------------------------

def test_newslint_toml_is_found_upward_from_the_linted_path(tmp_path):
    cfg = write(tmp_path / "newslint.toml", 'fail-on = "error"\n')
    article = write(tmp_path / "desk" / "2024" / "a.txt", "Text\n")
    assert find_config(str(article)) == str(cfg)
    assert find_config(str(article.parent)) == str(cfg)


def test_pyproject_counts_only_with_a_tool_newslint_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nlanguage = "tr"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.other]\nx = 1\n')
    article = write(tmp_path / "sub" / "a.txt", "Text\n")
    found = find_config(str(article))
    assert found == str(tmp_path / "pyproject.toml")
    assert load_config(found).language == "tr"


def test_newslint_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nlanguage = "tr"\n')
    write(tmp_path / "newslint.toml", 'language = "de"\n')
    assert load_config(find_config(str(tmp_path))).language == "de"


def test_defaults_without_any_config():
    cfg = load_config(None)
    assert (cfg.select, cfg.ignore, cfg.language, cfg.fail_on) == (["ALL"], [], "auto", "info")
    assert cfg.max_file_size > 1_000_000


def test_config_flag_overrides_the_discovered_file(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["repeated-line"]\n')
    other = write(tmp_path / "strict.toml", 'select = ["repeated-line"]\n')
    write(tmp_path / "a.txt", BAD_ARTICLE)
    _, found = run_json(["a.txt"], tmp_path)
    assert ours(found) == {"bare-list-marker"}
    _, found = run_json(["a.txt", "--config", other], tmp_path)
    assert {f["rule"] for f in found} == {"repeated-line"}


# -- selection, severity, fail-on, per-file ignores, exclude ----------------------------------

@pytest.mark.parametrize("toml, rules", [
    ('select = ["formatting"]', {"repeated-line", "bare-list-marker"}),
    ('select = ["repeated-line"]', {"repeated-line"}),
    ('ignore = ["bare-list-marker"]', {"repeated-line"}),
    ('ignore = ["formatting"]', set()),
    ('select = ["boilerplate"]\nextend-select = ["bare-list-marker"]', {"bare-list-marker"}),
])
def test_select_ignore_extend_select_by_id_or_category(tmp_path, toml, rules):
    write(tmp_path / "newslint.toml", toml + "\n")
    write(tmp_path / "a.txt", BAD_ARTICLE)
    _, found = run_json(["a.txt"], tmp_path)
    assert ours(found) == rules
    if 'ignore = ["formatting"]' in toml:
        assert all(f["category"] != "formatting" for f in found)


def test_command_line_selection_overrides_config(tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["repeated-line"]\n')
    write(tmp_path / "a.txt", BAD_ARTICLE)
    _, found = run_json(["a.txt", "--select", "bare-list-marker"], tmp_path)
    assert {f["rule"] for f in found} == {"bare-list-marker"}
    _, found = run_json(["a.txt", "--ignore", "repeated-line"], tmp_path)
    assert found == []


def test_severity_override_and_fail_on(tmp_path):
    write(tmp_path / "a.txt", BAD_ARTICLE)
    write(tmp_path / "newslint.toml", 'select = ["repeated-line", "bare-list-marker"]\n'
                                      '[severity]\nrepeated-line = "error"\n')
    _, found = run_json(["a.txt"], tmp_path)
    assert {f["rule"]: f["severity"] for f in found} == {"repeated-line": "error", "bare-list-marker": "info"}
    write(tmp_path / "newslint.toml", 'fail-on = "error"\nselect = ["bare-list-marker"]\n')
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 0 and "bare-list-marker" in proc.stdout  # shown, but not failing
    assert run(["a.txt", "--fail-on", "info"], tmp_path).returncode == 1


def test_severity_override_by_category(tmp_path):
    write(tmp_path / "a.txt", BAD_ARTICLE)
    write(tmp_path / "newslint.toml", 'select = ["repeated-line", "bare-list-marker"]\n'
                                      '[severity]\nformatting = "error"\nbare-list-marker = "warning"\n')
    _, found = run_json(["a.txt"], tmp_path)
    assert {f["rule"]: f["severity"] for f in found} == {"repeated-line": "error", "bare-list-marker": "warning"}


def test_pinned_language_on_the_command_line_is_validated(tmp_path):
    write(tmp_path / "a.txt", BAD_ARTICLE)
    assert run(["a.txt", "--language", "tr", "--select", "repeated-line"], tmp_path).returncode == 1
    proc = run(["a.txt", "--language", "turkish"], tmp_path)
    assert proc.returncode == 2 and "'language' must be 'auto'" in proc.stderr


def test_per_file_ignores_with_globs(tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["formatting"]\n'
                                      '[per-file-ignores]\n"archive/*.txt" = ["formatting"]\n')
    write(tmp_path / "archive" / "old.txt", BAD_ARTICLE)
    write(tmp_path / "new.txt", BAD_ARTICLE)
    _, found = run_json(["."], tmp_path)
    assert {f["path"].removeprefix("./") for f in found} == {"new.txt"}


def test_exclude_globs_skip_files_and_folders(tmp_path):
    write(tmp_path / "newslint.toml", 'exclude = ["drafts", "*.tmp.txt"]\nselect = ["formatting"]\n')
    write(tmp_path / "drafts" / "a.txt", BAD_ARTICLE)
    write(tmp_path / "b.tmp.txt", BAD_ARTICLE)
    write(tmp_path / "c.txt", BAD_ARTICLE)
    _, found = run_json(["."], tmp_path)
    assert {f["path"].removeprefix("./") for f in found} == {"c.txt"}


def test_rule_options_reach_the_rule(tmp_path):
    name = plugin(tmp_path, RULE_WITH_OPTION)
    write(tmp_path / "a.txt", "Seven words in this rather long headline\n\nBody text here.\n")
    write(tmp_path / "newslint.toml", f'plugins = ["{name}"]\nselect = ["long-title"]\n')
    assert len(run_json(["a.txt"], tmp_path)[1]) == 1
    write(tmp_path / "newslint.toml",
          f'plugins = ["{name}"]\nselect = ["long-title"]\n[rules.long-title]\nmax_words = 10\n')
    assert run_json(["a.txt"], tmp_path)[1] == []


# -- mistakes: a clear error before any linting, exit 2 -------------------------------------------

@pytest.mark.parametrize("toml, needle", [
    ('selct = ["ALL"]', "unknown key 'selct'"),
    ('select = ["no-such-rule"]', "unknown rule or category 'no-such-rule'"),
    ('ignore = ["boilerplat"]', "unknown rule or category 'boilerplat'"),
    ('extend-select = ["nope"]', "'nope'"),
    ('select = "formatting"', "'select' must be a list"),
    ('select = [1, 2]', "list of strings"),
    ('language = 5', "'language' must be a str"),
    ('fail-on = "fatal"', "'fail-on' must be one of info, warning, error"),
    ('language = "English"', "'language' must be 'auto' or an ISO 639-1 code"),
    ('[severity]\nrepeated-line = "critical"', "severity of 'repeated-line' must be one of"),
    ('[severity]\nno-such-rule = "error"', "'no-such-rule'"),
    ('[rules.no-such-rule]\nx = 1', "[rules.no-such-rule] names an unknown rule"),
    ('[rules.repeated-line]\nwidth = 3', "has no option 'width'"),
    ('[per-file-ignores]\n"*.txt" = ["nonsense-id"]', "'nonsense-id'"),
    ('max-file-size = 0', "max-file-size"),
    ('max-file-size = true', "'max-file-size' must be a int"),
    ('select = [', "invalid TOML"),
    ('plugins = ["no_such_module_xyz"]', "plugin 'no_such_module_xyz' cannot be imported"),
])
def test_config_mistakes_are_clear_errors_before_linting(tmp_path, toml, needle):
    cfg = write(tmp_path / "newslint.toml", toml + "\n")
    write(tmp_path / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""  # nothing was linted
    assert needle in proc.stderr
    assert proc.stderr.startswith("newslint: error:")
    if "plugin" not in needle:
        assert str(cfg) in proc.stderr or "newslint.toml" in proc.stderr  # names the file


def test_wrong_option_type_is_a_config_error(tmp_path):
    name = plugin(tmp_path, RULE_WITH_OPTION)
    write(tmp_path / "newslint.toml", f'plugins = ["{name}"]\n[rules.long-title]\nmax_words = "ten"\n')
    write(tmp_path / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "option 'max_words' must be int, got str 'ten'" in proc.stderr


def test_pyproject_mistakes_are_reported_too(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nfail_on = "error"\n')
    write(tmp_path / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 2 and "unknown key 'fail_on'" in proc.stderr and "pyproject.toml" in proc.stderr


def test_missing_config_file_given_on_the_command_line(tmp_path):
    write(tmp_path / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt", "--config", "nope.toml"], tmp_path)
    assert proc.returncode == 2 and "nope.toml: config file not found" in proc.stderr


def test_command_line_selectors_are_validated(tmp_path):
    write(tmp_path / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt", "--select", "repeated-lines"], tmp_path)
    assert proc.returncode == 2 and "'repeated-lines'" in proc.stderr and proc.stdout == ""


def test_from_dict_rejects_bad_per_file_ignores_shape():
    with pytest.raises(ConfigError, match="per-file-ignores"):
        from_dict({"per-file-ignores": {"*.txt": "formatting"}})
