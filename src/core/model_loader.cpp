#include "model_loader.hpp"

#include "json_check.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace mw {

using detail::Checker;
using detail::typeName;
using nlohmann::json;

namespace {

// Hand-written, not std::regex: libstdc++'s regex recurses per character and overflows the stack on long
// input. Both are bounded in length as well.
bool isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isIdentifier(std::string_view text) {
    if (text.empty() || text.size() > kMaxIdLength || !isAsciiAlnum(text.front()))
        return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-'; });
}

// MAJOR.MINOR.PATCH with optional -prerelease and +build, as semver.org has it (without its finer rules).
bool isSemanticVersion(std::string_view text) {
    if (text.size() > kMaxIdLength)
        return false;
    std::size_t i = 0;
    auto number = [&] {
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i > start && !(text[start] == '0' && i - start > 1);
    };
    auto dot = [&] { return i < text.size() && text[i++] == '.'; };
    if (!(number() && dot() && number() && dot() && number()))
        return false;
    for (const char lead : {'-', '+'}) {
        if (i < text.size() && text[i] == lead) {
            const std::size_t start = ++i;
            while (i < text.size() && (isAsciiAlnum(text[i]) || text[i] == '.' || text[i] == '-'))
                ++i;
            if (i == start)
                return false;
        }
    }
    return i == text.size();
}

std::string identifierProblem(const std::string& id) {
    if (id.size() > kMaxIdLength)
        return "is longer than " + std::to_string(kMaxIdLength) + " characters";
    return "'" + id + "' may hold only letters, digits, '.', '_' and '-'";
}

std::vector<ScaleLevel> parseLevels(Checker& check, const json& root, const std::string& path,
                                    const char* key) {
    std::vector<ScaleLevel> levels;
    const json* list = check.member(root, path, key);
    const std::string where = Checker::join(path, key);
    if (!list)
        return levels;
    if (!list->is_array()) {
        check.problem(where, "expected an array, found " + typeName(*list));
        return levels;
    }
    if (list->empty()) {
        check.problem(where, "the scale is empty; it needs at least two levels");
        return levels;
    }
    if (list->size() == 1)
        check.problem(where, "the scale has one level; it needs at least two");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string itemPath = where + "[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            check.problem(itemPath, "expected an object, found " + typeName(item));
            continue;
        }
        ScaleLevel level;
        auto value = check.number(item, itemPath, "value");
        auto label = check.string(item, itemPath, "label");
        auto meaning = check.string(item, itemPath, "meaning", true, false);
        if (!value || !label)
            continue;
        if (!levels.empty() && *value <= levels.back().value)
            check.problem(itemPath + ".value", formatNumber(*value) +
                                                   " is not greater than the level before it (" +
                                                   formatNumber(levels.back().value) + ")");
        level.value = *value;
        level.label = *label;
        level.meaning = meaning.value_or("");
        levels.push_back(level);
    }
    return levels;
}

void parseQuestion(Checker& check, const json& item, const std::string& path, const std::string& dimensionId,
                   const Model& model, int maxTier, std::set<std::string>& questionIds, Question& out) {
    out.dimensionId = dimensionId;
    if (auto id = check.string(item, path, "id")) {
        if (!isIdentifier(*id))
            check.problem(path + ".id", identifierProblem(*id));
        else if (!questionIds.insert(*id).second)
            check.problem(path + ".id", "duplicate question id '" + *id + "'");
        out.id = *id;
    }
    out.text = check.string(item, path, "text").value_or("");
    out.guidance = check.string(item, path, "guidance", false, false).value_or("");
    out.evidence = check.stringList(item, path, "evidence", false);
    out.references = check.stringList(item, path, "references", false);
    out.weight = check.weight(item, path).value_or(1.0);
    out.askFirst = check.stringList(item, path, "askFirst", false);
    for (std::size_t i = 0; i < out.askFirst.size(); ++i) {
        const auto& group = out.askFirst[i];
        if (std::find(std::begin(kAnsweringGroups), std::end(kAnsweringGroups), group) ==
            std::end(kAnsweringGroups))
            check.problem(path + ".askFirst[" + std::to_string(i) + "]",
                          "'" + group + "' is not a group; use IT, OT, Business or Security");
        else if (std::find(out.askFirst.begin(), out.askFirst.begin() + static_cast<std::ptrdiff_t>(i),
                           group) != out.askFirst.begin() + static_cast<std::ptrdiff_t>(i))
            check.problem(path + ".askFirst[" + std::to_string(i) + "]", "'" + group + "' is named twice");
    }
    if (auto consequence = check.string(item, path, "consequence", false)) {
        if (auto known = consequenceFromString(*consequence))
            out.consequence = *known;
        else
            check.problem(path + ".consequence",
                          "'" + *consequence +
                              "' is not a consequence; use safety, production, data or compliance");
    }

    const bool tiered = model.aggregation.rule != AggregationRule::WeightedMean;
    if (item.contains("tier") || tiered) {
        const json* tier = check.member(item, path, "tier", tiered);
        if (tier) {
            if (!tier->is_number_integer())
                check.problem(path + ".tier", "expected a whole number, found " + typeName(*tier));
            else if (!tiered)
                check.problem(path + ".tier", "tiers are only used by the threshold and level-sum rules");
            else if (tier->get<int>() < 1 || tier->get<int>() > maxTier)
                check.problem(path + ".tier",
                              std::to_string(tier->get<int>()) + " is outside 1.." + std::to_string(maxTier));
            else
                out.tier = tier->get<int>();
        }
    }

    const std::size_t scaleSize = model.scale.size();
    out.descriptors = check.stringList(item, path, "levels", true);
    if (item.contains("levels") && item["levels"].is_array() && scaleSize > 0 &&
        item["levels"].size() != scaleSize)
        check.problem(path + ".levels", std::to_string(item["levels"].size()) +
                                            " descriptors, the scale has " + std::to_string(scaleSize));
    out.recommendations = check.stringList(item, path, "recommendations", true);
    if (item.contains("recommendations") && item["recommendations"].is_array() && scaleSize > 0 &&
        item["recommendations"].size() != scaleSize - 1)
        check.problem(path + ".recommendations",
                      std::to_string(item["recommendations"].size()) + " recommendations, expected " +
                          std::to_string(scaleSize - 1) + " (one for every level below the top)");
}

// The aggregation rule, its tiers and threshold; returns the highest tier questions may name.
int parseAggregation(Checker& check, const json& root, Model& model) {
    int maxTier = 0;
    if (const json* aggregation = check.member(root, "", "aggregation", false)) {
        if (!aggregation->is_object()) {
            check.problem("aggregation", "expected an object, found " + typeName(*aggregation));
        } else if (auto ruleText = check.string(*aggregation, "aggregation", "rule")) {
            auto rule = aggregationRuleFromString(*ruleText);
            if (!rule) {
                check.problem("aggregation.rule",
                              "unknown rule '" + *ruleText + "'; use weighted-mean, threshold or level-sum");
            } else {
                model.aggregation.rule = *rule;
                if (*rule != AggregationRule::WeightedMean) {
                    model.aggregation.tiers = parseLevels(check, *aggregation, "aggregation", "tiers");
                    const auto& tiers = model.aggregation.tiers;
                    if (!tiers.empty() && tiers.front().value != 0)
                        check.problem("aggregation.tiers[0].value", "the first tier must have value 0");
                    for (std::size_t i = 0; i < tiers.size(); ++i)
                        if (tiers[i].value != static_cast<double>(i))
                            check.problem("aggregation.tiers[" + std::to_string(i) + "].value",
                                          "tier values must count 0, 1, 2, ...");
                    maxTier = tiers.empty() ? 0 : static_cast<int>(tiers.size()) - 1;
                }
                if (*rule == AggregationRule::Threshold) {
                    if (auto threshold = check.number(*aggregation, "aggregation", "threshold")) {
                        model.aggregation.threshold = *threshold;
                        if (!model.scale.empty() && !model.isLevel(*threshold))
                            check.problem("aggregation.threshold", formatNumber(*threshold) +
                                                                       " is not a level of the scale (" +
                                                                       model.scaleValuesText() + ")");
                    }
                }
            }
        }
    }

    return maxTier;
}

// One dimension with its nested questions.
Dimension parseDimension(Checker& check, const json& item, const std::string& path, const Model& model,
                         int maxTier, std::set<std::string>& dimensionIds,
                         std::set<std::string>& questionIds) {
    Dimension dimension;
    if (auto id = check.string(item, path, "id")) {
        if (!isIdentifier(*id))
            check.problem(path + ".id", identifierProblem(*id));
        else if (!dimensionIds.insert(*id).second)
            check.problem(path + ".id", "duplicate dimension id '" + *id + "'");
        dimension.id = *id;
    }
    dimension.title = check.string(item, path, "title").value_or("");
    dimension.description = check.string(item, path, "description", false, false).value_or("");
    dimension.weight = check.weight(item, path).value_or(1.0);
    const json* questions = check.member(item, path, "questions", false);
    if (questions && !questions->is_array()) {
        check.problem(path + ".questions", "expected an array, found " + typeName(*questions));
    } else if (questions) {
        for (std::size_t q = 0; q < questions->size(); ++q) {
            const json& qItem = (*questions)[q];
            const std::string qPath = path + ".questions[" + std::to_string(q) + "]";
            if (!qItem.is_object()) {
                check.problem(qPath, "expected an object, found " + typeName(qItem));
                continue;
            }
            if (qItem.contains("dimension") &&
                (!qItem["dimension"].is_string() || qItem["dimension"] != dimension.id))
                check.problem(qPath + ".dimension", "'" + qItem["dimension"].dump() +
                                                        "' does not match the enclosing dimension '" +
                                                        dimension.id + "'");
            Question question;
            parseQuestion(check, qItem, qPath, dimension.id, model, maxTier, questionIds, question);
            dimension.questions.push_back(std::move(question));
        }
    }
    return dimension;
}

void parseDimensions(Checker& check, const json& root, Model& model, int maxTier,
                     std::set<std::string>& questionIds) {
    std::set<std::string> dimensionIds;
    const json* dimensions = check.member(root, "", "dimensions");
    if (dimensions && !dimensions->is_array()) {
        check.problem("dimensions", "expected an array, found " + typeName(*dimensions));
    } else if (dimensions) {
        if (dimensions->empty())
            check.problem("dimensions", "the model has no dimensions");
        for (std::size_t d = 0; d < dimensions->size(); ++d) {
            const json& item = (*dimensions)[d];
            const std::string path = "dimensions[" + std::to_string(d) + "]";
            if (!item.is_object()) {
                check.problem(path, "expected an object, found " + typeName(item));
                continue;
            }
            model.dimensions.push_back(
                parseDimension(check, item, path, model, maxTier, dimensionIds, questionIds));
        }
    }
}

// Questions may also be listed flat, each naming its dimension.
void parseFlatQuestions(Checker& check, const json& root, Model& model, int maxTier,
                        std::set<std::string>& questionIds) {
    if (const json* flat = check.member(root, "", "questions", false)) {
        if (!flat->is_array()) {
            check.problem("questions", "expected an array, found " + typeName(*flat));
        } else {
            for (std::size_t q = 0; q < flat->size(); ++q) {
                const json& qItem = (*flat)[q];
                const std::string qPath = "questions[" + std::to_string(q) + "]";
                if (!qItem.is_object()) {
                    check.problem(qPath, "expected an object, found " + typeName(qItem));
                    continue;
                }
                auto dimensionId = check.string(qItem, qPath, "dimension");
                if (!dimensionId)
                    continue;
                auto target = std::find_if(model.dimensions.begin(), model.dimensions.end(),
                                           [&](const Dimension& d) { return d.id == *dimensionId; });
                if (target == model.dimensions.end()) {
                    check.problem(qPath + ".dimension", "unknown dimension '" + *dimensionId + "'");
                    continue;
                }
                Question question;
                parseQuestion(check, qItem, qPath, *dimensionId, model, maxTier, questionIds, question);
                target->questions.push_back(std::move(question));
            }
        }
    }
}

// priority.consequence: a factor per consequence, each above 0.
void parsePriority(Checker& check, const json& root, Model& model) {
    const json* priority = check.member(root, "", "priority", false);
    if (!priority)
        return;
    if (!priority->is_object()) {
        check.problem("priority", "expected an object, found " + typeName(*priority));
        return;
    }
    const json* factors = check.member(*priority, "priority", "consequence", false);
    if (!factors)
        return;
    if (!factors->is_object()) {
        check.problem("priority.consequence", "expected an object, found " + typeName(*factors));
        return;
    }
    for (const auto& [key, value] : factors->items()) {
        const std::string where = "priority.consequence." + key;
        auto consequence = consequenceFromString(key);
        if (!consequence)
            check.problem(where,
                          "'" + key + "' is not a consequence; use safety, production, data or compliance");
        else if (!value.is_number())
            check.problem(where, "expected a number, found " + typeName(value));
        else if (value.get<double>() <= 0)
            check.problem(where, "must be greater than 0, found " + formatNumber(value.get<double>()));
        else
            model.priority.consequenceFactors[*consequence] = value.get<double>();
    }
}

// floors: critical questions that hold their dimension and the overall index down while any is weak.
void parseFloors(Checker& check, const json& root, Model& model) {
    const json* floors = check.member(root, "", "floors", false);
    if (!floors)
        return;
    if (!floors->is_array()) {
        check.problem("floors", "expected an array, found " + typeName(*floors));
        return;
    }
    std::set<std::string> ids;
    for (std::size_t f = 0; f < floors->size(); ++f) {
        const json& item = (*floors)[f];
        const std::string path = "floors[" + std::to_string(f) + "]";
        if (!item.is_object()) {
            check.problem(path, "expected an object, found " + typeName(item));
            continue;
        }
        Floor floor;
        if (auto id = check.string(item, path, "id")) {
            if (!isIdentifier(*id))
                check.problem(path + ".id", identifierProblem(*id));
            else if (!ids.insert(*id).second)
                check.problem(path + ".id", "duplicate floor id '" + *id + "'");
            floor.id = *id;
        }
        floor.questions = check.stringList(item, path, "questions", true);
        if (item.contains("questions") && item["questions"].is_array() && item["questions"].empty())
            check.problem(path + ".questions", "a floor needs at least one question");
        for (std::size_t q = 0; q < floor.questions.size(); ++q)
            if (!model.question(floor.questions[q]))
                check.problem(path + ".questions[" + std::to_string(q) + "]",
                              "unknown question '" + floor.questions[q] + "'");
        floor.reason = check.string(item, path, "reason").value_or("");
        auto below = check.number(item, path, "below");
        auto cap = check.number(item, path, "cap");
        if (below && (*below <= model.minScore() || *below > model.maxScore()))
            check.problem(path + ".below",
                          formatNumber(*below) + " is outside the scale (" + model.scaleValuesText() + ")");
        if (cap && (*cap < model.minScore() || *cap >= model.maxScore()))
            check.problem(path + ".cap", formatNumber(*cap) + " must be on the scale and below its top");
        floor.below = below.value_or(0);
        floor.cap = cap.value_or(0);
        model.floors.push_back(std::move(floor));
    }
}

} // namespace

Result<Model> loadModel(const json& root) {
    Checker check;
    Model model;
    if (!root.is_object())
        return fail("the model must be a JSON object, found " + typeName(root));
    model.source = root;

    if (auto id = check.string(root, "", "id")) {
        if (!isIdentifier(*id))
            check.problem("id", identifierProblem(*id));
        model.id = *id;
    }
    if (auto version = check.string(root, "", "version")) {
        if (!isSemanticVersion(*version))
            check.problem("version", version->size() > kMaxIdLength
                                         ? "is longer than " + std::to_string(kMaxIdLength) + " characters"
                                         : "'" + *version + "' is not a semantic version such as 1.0.0");
        model.version = *version;
    }
    model.title = check.string(root, "", "title").value_or("");
    model.description = check.string(root, "", "description", true, false).value_or("");
    model.scale = parseLevels(check, root, "", "scale");

    const int maxTier = parseAggregation(check, root, model);
    std::set<std::string> questionIds;
    parseDimensions(check, root, model, maxTier, questionIds);
    parseFlatQuestions(check, root, model, maxTier, questionIds);
    parsePriority(check, root, model);
    if (model.aggregation.rule == AggregationRule::WeightedMean)
        parseFloors(check, root, model);
    else if (root.contains("floors"))
        check.problem("floors", "floors are only used by the weighted-mean rule");

    for (std::size_t d = 0; d < model.dimensions.size(); ++d)
        if (model.dimensions[d].questions.empty() && !model.dimensions[d].id.empty())
            check.problem("dimensions[" + std::to_string(d) + "]",
                          "dimension '" + model.dimensions[d].id + "' has no questions");

    if (!check.problems.empty())
        return std::unexpected(check.toError());
    return model;
}

Result<Model> loadModelText(std::string_view text, std::string_view source) {
    return detail::parseAndRead(text, source, [](const json& root) { return loadModel(root); });
}

Result<Model> loadModelFile(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text)
        return std::unexpected(text.error());
    return loadModelText(*text, path.string());
}

std::vector<std::string> modelWarnings(const Model& model) {
    std::vector<std::string> warnings;
    if (model.aggregation.rule == AggregationRule::WeightedMean)
        return warnings;
    std::vector<std::string> weighted;
    for (const auto* question : model.allQuestions())
        if (std::abs(question->weight - 1) > 1e-9)
            weighted.push_back(question->id);
    if (weighted.empty())
        return warnings;
    std::string list;
    for (std::size_t i = 0; i < weighted.size() && i < 5; ++i)
        list += (i ? ", " : "") + weighted[i];
    if (weighted.size() > 5)
        list += ", ...";
    warnings.push_back(std::to_string(weighted.size()) + " question" +
                       (weighted.size() > 1 ? "s set" : " sets") + " a weight (" + list + "), which the " +
                       std::string(toString(model.aggregation.rule)) +
                       " rule does not use in scores; it only orders the gaps");
    return warnings;
}

} // namespace mw
