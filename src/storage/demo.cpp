#include "storage/demo.hpp"

#include "core/model_loader.hpp"
#include "storage/demo_scripts.hpp"

#include <algorithm>
#include <random>

namespace mw {

namespace {

using nlohmann::json;

Result<json> demoScript(std::string_view modelId) {
    for (const auto& [name, text] : demoScriptTexts()) {
        auto script = parseJsonText(text, name);
        if (!script)
            return std::unexpected(script.error());
        if ((*script)["model"] == modelId)
            return *script;
    }
    return fail("there is no demo for model '" + std::string(modelId) + "'");
}

std::optional<double> levelOf(const json& value) {
    return value.is_number() ? std::optional<double>(value.get<double>()) : std::nullopt;
}

// The follow-up's room: each voice starts from the consensus and moves by its group's view of the dimension
// and a small spread of its own, so that IT and OT see security, data ownership and the plant differently.
Result<void> addDemoVoices(Bundle& bundle, const json& assessment, const Model& model) {
    if (!assessment.contains("roster"))
        return {};
    const json& voices = assessment["voices"];
    std::vector<Answer> consensus = bundle.answers;
    Id key = 1;
    for (const auto& person : assessment["roster"]) {
        Participant p;
        p.id = ++key;
        p.uid = std::string(assessment["uid"]) + "-" + std::to_string(key);
        p.name = person["name"];
        p.group = person["group"];
        p.role = person["role"];
        bundle.participants.push_back(p);
        const json& bias = voices["groupBias"].value(p.group, json::object());
        const json& spread = voices["spread"].at(p.name);
        std::size_t index = 0;
        for (const auto& agreed : consensus) {
            const Question* question = model.question(agreed.questionId);
            Answer voice = agreed;
            voice.participantId = p.id;
            voice.confidence = Confidence::Medium;
            voice.note = voices["notes"].value(agreed.questionId, json::object()).value(p.name, "");
            voice.updatedAt = std::string(assessment["date"]) + "T15:00:00.000Z";
            if (agreed.current) {
                const double moved = *agreed.current + bias.value(question->dimensionId, 0) +
                                     spread.at(index % spread.size()).get<double>();
                voice.current = std::clamp(moved, model.scale.front().value, model.scale.back().value);
            }
            ++index;
            if (auto problem = checkAnswer(model, voice))
                return fail("demo script, " + p.name + "'s answer to " + agreed.questionId + ": " + *problem);
            bundle.answers.push_back(std::move(voice));
        }
    }
    return {};
}

// The baseline's action plan as it was agreed (every action planned), and its copy in each follow-up
// with the status it reached there; each entry gives one status and one note per assessment.
Result<void> addDemoActions(Bundle& bundle, const json& script, std::size_t index, const Model& model) {
    for (const json& entry : script.value("actions", json::array())) {
        Action action;
        const std::string uid = entry.at("uid");
        action.uid = index == 0 ? uid : uid + "-" + std::to_string(index);
        if (index > 0)
            action.carriedFrom = index == 1 ? uid : uid + "-" + std::to_string(index - 1);
        action.title = entry.at("title");
        action.owner = entry.at("owner");
        action.due = entry.at("due");
        action.status = actionStatusFromString(entry.at("status").at(index).get<std::string>())
                            .value_or(ActionStatus::Planned);
        action.note = entry.at("note").at(index);
        action.questionIds = entry.at("questions").get<std::vector<std::string>>();
        action.updatedAt = bundle.assessment.date + "T17:00:00.000Z";
        if (auto problem = checkAction(model, action))
            return fail("demo script, action " + uid + ": " + *problem);
        bundle.actions.push_back(std::move(action));
    }
    return {};
}

} // namespace

Result<DemoOutcome> createDemo(Store& store, const ModelRegistry& models) {
    auto script = demoScript(ModelRegistry::defaultModelId);
    if (!script)
        return std::unexpected(script.error());
    const json& s = *script;
    DemoOutcome outcome;
    outcome.clientName = s["client"]["name"];
    std::optional<std::string> previousUid;
    std::size_t index = 0;
    for (const auto& a : s["assessments"]) {
        auto model = models.find(std::string(s["model"]) + "@" + std::string(a["modelVersion"]));
        if (!model)
            return fail("demo script, " + std::string(a["uid"]) + ": " + model.error().message);
        Bundle bundle;
        bundle.client = {0, s["client"]["name"], s["client"]["sector"], s["client"]["notes"]};
        bundle.assessment.uid = a["uid"];
        bundle.assessment.title = a["title"];
        bundle.assessment.date = a["date"];
        bundle.assessment.assessor = s["assessor"];
        bundle.assessment.status = statusFromString(a["status"].get<std::string>()).value_or(Status::Draft);
        bundle.baselineUid = previousUid;
        bundle.model = *model;
        bundle.participants.push_back(consensusParticipant(1));
        for (const auto* question : model->allQuestions()) {
            // One entry per assessment; null where the question was not in that assessment's model.
            const json& entries = s["answers"].value(question->id, json::array());
            if (entries.size() <= index || entries.at(index).is_null())
                return fail("demo script: no answer to " + question->id + " for " + std::string(a["uid"]));
            const json& entry = entries.at(index);
            Answer answer;
            answer.questionId = question->id;
            answer.participantId = 1;
            answer.notApplicable = entry[0] == "na";
            answer.current = levelOf(entry[0]);
            answer.target = levelOf(entry[1]);
            answer.confidence =
                confidenceFromString(entry[2].get<std::string>()).value_or(Confidence::Medium);
            answer.note = entry[3];
            answer.updatedAt = std::string(a["date"]) + "T16:00:00.000Z";
            if (auto problem = checkAnswer(*model, answer))
                return fail("demo script, answer " + question->id + ": " + *problem);
            bundle.answers.push_back(std::move(answer));
        }
        if (auto voices = addDemoVoices(bundle, a, *model); !voices)
            return std::unexpected(voices.error());
        if (auto actions = addDemoActions(bundle, s, index, *model); !actions)
            return std::unexpected(actions.error());
        auto imported = store.importBundle(bundle);
        if (!imported)
            return std::unexpected(imported.error());
        outcome.alreadyPresent = imported->alreadyPresent;
        (index == 0 ? outcome.baselineId : outcome.followUpId) = imported->assessmentId;
        previousUid = bundle.assessment.uid;
        ++index;
    }
    return outcome;
}

Result<std::size_t> createPortfolio(Store& store, const Model& model, int clients, unsigned seed) {
    static const char* const sectors[] = {"Water utility", "Food & beverage",          "Pharmaceuticals",
                                          "Mining",        "Electricity distribution", "Chemicals",
                                          "Automotive",    "Ports & logistics"};
    static const char* const places[] = {"Northfield", "Carrow",   "Eastmere", "Highbury",
                                         "Kingsport",  "Lowden",   "Marlow",   "Oakridge",
                                         "Penrith",    "Redcliff", "Stanmore", "Westbrook"};
    std::mt19937 engine(seed);
    std::size_t created = 0;
    const auto questions = model.allQuestions();
    const std::size_t levels = model.scale.size();
    for (int c = 0; c < clients; ++c) {
        const std::string sector = sectors[c % std::size(sectors)];
        const std::string name = std::string(places[(c / std::size(sectors)) % std::size(places)]) + " " +
                                 sector + " #" + std::to_string(c + 1);
        std::optional<std::string> previousUid;
        std::vector<std::size_t> current(questions.size());
        for (auto& level : current)
            level = std::uniform_int_distribution<std::size_t>(0, levels / 2)(engine);
        const int rounds = (c % 4 == 3) ? 1 : 2;
        for (int round = 0; round < rounds; ++round) {
            Bundle bundle;
            bundle.client = {0, name, sector, "Synthetic portfolio client for scale testing."};
            bundle.assessment.uid =
                "portfolio-" + std::to_string(seed) + "-" + std::to_string(c) + "-" + std::to_string(round);
            bundle.assessment.title = round == 0 ? "Baseline" : "Follow-up";
            bundle.assessment.date = round == 0 ? "2025-06-02" : "2026-06-01";
            bundle.assessment.assessor = "Portfolio generator";
            bundle.assessment.status = round == 0 ? Status::Final : Status::Draft;
            bundle.baselineUid = previousUid;
            bundle.model = model;
            bundle.participants.push_back(consensusParticipant(1));
            for (std::size_t q = 0; q < questions.size(); ++q) {
                if (round > 0 && std::uniform_int_distribution<int>(0, 2)(engine) == 0)
                    current[q] = std::min(levels - 1, current[q] + 1);
                Answer answer;
                answer.questionId = questions[q]->id;
                answer.participantId = 1;
                answer.current = model.scale[current[q]].value;
                answer.target = model.scale[std::min(levels - 1, current[q] + 1 + (q % 2))].value;
                answer.note = "Synthetic answer.";
                answer.updatedAt = bundle.assessment.date + "T12:00:00.000Z";
                bundle.answers.push_back(std::move(answer));
            }
            auto imported = store.importBundle(bundle);
            if (!imported)
                return std::unexpected(imported.error());
            if (!imported->alreadyPresent)
                ++created;
            previousUid = bundle.assessment.uid;
        }
    }
    return created;
}

} // namespace mw
