// Golden-file tests of the `maturity` command line: each folder under tests/cli/golden is one case with
// case.json (setup commands, the command, its exit code), stdout.txt and stderr.txt. They pin the
// documented output (text and --json, see docs/cli-json.md) byte for byte.
// MW_GOLDEN_UPDATE=1 rewrites the expected files from the current output (review the diff before committing).
#include "cli/cli.hpp"
#include "support.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <regex>
#include <set>

using namespace mw;

namespace {

const std::filesystem::path kGoldenDir = std::filesystem::path(MW_GOLDEN_DIR);

struct Placeholders {
    std::string caseDir, db, data, models;

    std::string expand(std::string text) const {
        for (const auto& [key, value] : {std::pair{"{case}", caseDir}, std::pair{"{db}", db},
                                         std::pair{"{data}", data}, std::pair{"{models}", models}}) {
            for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
                text.replace(at, std::string_view(key).size(), value);
        }
        return text;
    }
    // Output names temporary paths and fresh uids; the expected files name them by placeholder.
    std::string generalise(std::string text) const {
        static const std::regex uid("\\b[0-9a-f]{32}\\b");
        static const std::regex time("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        text = std::regex_replace(text, uid, "{uid}");
        text = std::regex_replace(text, time, "{time}");
        // The action plan says what "late" was judged against: the day the case runs.
        const std::string today = "\"today\": \"" + todayIsoDate() + "\"";
        for (auto at = text.find(today); at != std::string::npos; at = text.find(today, at))
            text.replace(at, today.size(), "\"today\": \"{today}\"");
        for (const auto& [value, key] : {std::pair{db, "{db}"}, std::pair{caseDir, "{case}"},
                                         std::pair{data, "{data}"}, std::pair{models, "{models}"}}) {
            for (auto at = text.find(value); at != std::string::npos; at = text.find(value, at))
                text.replace(at, value.size(), key);
        }
        return text;
    }
};

struct Outcome {
    int code;
    std::string out, err;
};

Outcome runArguments(const nlohmann::json& arguments, const Placeholders& places) {
    QStringList args{"maturity", "--db", QString::fromStdString(places.db)};
    for (const auto& argument : arguments)
        args << QString::fromStdString(places.expand(argument.get<std::string>()));
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int code = runCli(args, outStream, errStream);
    return {code, out.toStdString(), err.toStdString()};
}

std::vector<std::filesystem::path> caseFolders() {
    std::vector<std::filesystem::path> folders;
    for (const auto& entry : std::filesystem::directory_iterator(kGoldenDir))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "case.json"))
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

} // namespace

TEST_CASE("the CLI's output matches the golden files", "[cli][golden]") {
    const bool update = qEnvironmentVariableIntValue("MW_GOLDEN_UPDATE") == 1;
    const auto folders = caseFolders();
    REQUIRE(folders.size() >= 20);
    for (const auto& folder : folders) {
        DYNAMIC_SECTION(folder.filename().string()) {
            test::TempDir dir;
            const Placeholders places{folder.string(), (dir / "golden.db").string(), MW_TEST_DATA_DIR,
                                      MW_MODELS_DIR};
            const auto spec = nlohmann::json::parse(test::readBytes(folder / "case.json"));
            for (const auto& setup : spec.value("setup", nlohmann::json::array())) {
                const Outcome prepared = runArguments(setup, places);
                INFO("setup: " << setup.dump() << "\n" << prepared.err);
                REQUIRE(prepared.code == 0);
            }
            const Outcome outcome = runArguments(spec.at("run"), places);
            const std::string out = places.generalise(outcome.out);
            const std::string err = places.generalise(outcome.err);
            if (update) {
                test::writeBytes(folder / "stdout.txt", out);
                test::writeBytes(folder / "stderr.txt", err);
                auto rewritten = spec;
                rewritten["exit"] = outcome.code;
                test::writeBytes(folder / "case.json", rewritten.dump(2) + "\n");
                continue;
            }
            INFO("case " << folder.filename().string() << ": maturity " << spec.at("run").dump());
            CHECK(outcome.code == spec.at("exit").get<int>());
            CHECK(out == test::readBytes(folder / "stdout.txt"));
            CHECK(err == test::readBytes(folder / "stderr.txt"));
        }
    }
}

namespace {

// Every key of a JSON value, at any depth.
void collectKeys(const nlohmann::json& value, std::set<std::string>& keys) {
    if (value.is_object())
        for (const auto& [key, member] : value.items()) {
            keys.insert(key);
            if (key != "levels") // divergence's levels: keyed by group name, data rather than fields
                collectKeys(member, keys);
        }
    else if (value.is_array())
        for (const auto& item : value)
            collectKeys(item, keys);
}

// The words of a section of docs/cli-json.md that stand in backticks, split at {}[], and spaces.
std::set<std::string> documentedNames(const std::string& doc, const std::string& heading) {
    const auto start = doc.find(heading);
    REQUIRE(start != std::string::npos);
    const auto end = doc.find("\n## ", start + heading.size());
    const std::string section = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::set<std::string> names;
    bool quoted = false;
    std::string word;
    for (const char c : section) {
        if (c == '`') {
            quoted = !quoted;
        } else if (quoted && (std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
            word += c;
            continue;
        }
        if (!word.empty())
            names.insert(word);
        word.clear();
    }
    return names;
}

} // namespace

TEST_CASE("docs/cli-json.md names every field of the --json outputs", "[cli][golden]") {
    const std::string doc =
        test::readBytes(std::filesystem::path(MW_GOLDEN_DIR) / "../../../docs/cli-json.md");
    REQUIRE_FALSE(doc.empty());
    const auto common = documentedNames(doc, "## Common: `assessment`");
    for (const auto& [golden, heading] :
         {std::pair{"score-json", "## `maturity score ID --json`"},
          std::pair{"gaps-json", "## `maturity gaps"}, std::pair{"compare-json", "## `maturity compare"},
          std::pair{"score-by-group-json", "## `maturity score ID --by-group"},
          std::pair{"divergence-json", "## `maturity divergence"},
          std::pair{"participants-json", "## `maturity participants"}}) {
        std::set<std::string> keys;
        collectKeys(nlohmann::json::parse(test::readBytes(kGoldenDir / golden / "stdout.txt")), keys);
        auto documented = documentedNames(doc, heading);
        documented.insert(common.begin(), common.end());
        for (const auto& key : keys) {
            INFO(golden << ": field '" << key << "' is not described in docs/cli-json.md");
            CHECK(documented.contains(key));
        }
    }
}
