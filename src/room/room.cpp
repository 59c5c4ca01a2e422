#include "room/room.hpp"

#include "room/committer.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace mw::room {

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr auto kCommitWait = std::chrono::seconds(10);
const std::vector<std::string> kDefaultGroups{"IT", "OT", "Business"};

bool sameSecret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

std::string randomHex(std::size_t bytes) {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not initialise its random source");
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

RateLimit::RateLimit(double rate, double burst)
    : rate_(rate)
    , burst_(burst)
    , tokens_(burst)
    , last_(Clock::now()) {}

bool RateLimit::take(Clock::time_point now) {
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
    if (tokens_ < 1)
        return false;
    tokens_ -= 1;
    return true;
}

Result<std::unique_ptr<Room>> Room::open(const std::filesystem::path& database, Id assessmentId,
                                         RoomLimits limits) {
    auto workspace = app::Workspace::open(database, app::ModelCatalog(), OpenMode::ExistingOnly);
    if (!workspace)
        return std::unexpected(workspace.error());
    auto model = workspace->store().model(assessmentId);
    if (!model)
        return std::unexpected(model.error());
    auto participants = workspace->store().participants(assessmentId);
    if (!participants)
        return std::unexpected(participants.error());
    std::unique_ptr<Room> room(new Room());
    room->limits_ = limits;
    room->assessmentId_ = assessmentId;
    room->model_ = *model;
    room->token_ = randomHex(16); // 128 bits
    for (const auto& p : *participants)
        if (!p.isDefault)
            room->roster_.push_back(p);
    room->committer_ = std::make_unique<VoteCommitter>(std::move(*workspace), assessmentId);
    room->committer_->start();
    return room;
}

Room::~Room() = default;

void Room::setListener(std::function<void(const RoomEvent&)> listener) {
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
}

void Room::notify(const RoomEvent& event) {
    std::function<void(const RoomEvent&)> listener;
    {
        std::lock_guard lock(mutex_);
        listener = listener_;
    }
    if (listener)
        listener(event);
}

Result<void> Room::openQuestion(const std::string& questionId) {
    if (!model_->question(questionId))
        return fail("unknown question '" + questionId + "' in model " + model_->id);
    {
        std::lock_guard lock(mutex_);
        question_ = questionId;
        revealed_ = false;
        votes_.clear();
    }
    notify({});
    return {};
}

void Room::reveal() {
    {
        std::lock_guard lock(mutex_);
        if (!question_)
            return;
        revealed_ = true;
    }
    notify({});
}

void Room::close() {
    {
        std::lock_guard lock(mutex_);
        question_.reset();
        revealed_ = false;
        votes_.clear();
    }
    notify({});
}

std::optional<std::string> Room::openQuestionId() const {
    std::lock_guard lock(mutex_);
    return question_;
}
bool Room::revealed() const {
    std::lock_guard lock(mutex_);
    return revealed_;
}
std::size_t Room::votesIn() const {
    std::lock_guard lock(mutex_);
    return votes_.size();
}
std::size_t Room::devicesJoined() const {
    std::lock_guard lock(mutex_);
    return devices_.size();
}

std::map<std::string, std::vector<std::string>> Room::distribution() const {
    std::lock_guard lock(mutex_);
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [uid, vote] : votes_) {
        const auto device = devices_.find(uid);
        if (device != devices_.end())
            out[device->second.group].push_back(vote.level ? formatNumber(*vote.level) : "?");
    }
    for (auto& [group, levels] : out)
        std::sort(levels.begin(), levels.end());
    return out;
}

bool Room::tokenMatches(const std::string& token) const {
    return sameSecret(token, token_);
}

bool Room::allowRequest(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto [it, added] = addressRequests_.try_emplace(address, limits_.requestsPerSecond, limits_.requestBurst);
    return it->second.take(Clock::now());
}

std::string Room::stateJson() const {
    std::lock_guard lock(mutex_);
    Json state;
    state["open"] = question_.has_value();
    state["revealed"] = revealed_;
    state["votes"] = votes_.size();
    state["joined"] = devices_.size();
    state["question"] = nullptr;
    if (question_) {
        const Question* question = model_->question(*question_);
        Json levels = Json::array();
        for (std::size_t i = 0; i < model_->scale.size(); ++i)
            levels.push_back(
                {{"value", model_->scale[i].value},
                 {"label", model_->scale[i].label},
                 {"descriptor", i < question->descriptors.size() ? question->descriptors[i] : ""}});
        state["question"] = {{"id", question->id},
                             {"text", question->text},
                             {"dimension", model_->dimension(question->dimensionId)->title},
                             {"levels", levels}};
    }
    std::vector<std::string> groups = kDefaultGroups;
    Json roster = Json::array();
    for (const auto& p : roster_) {
        if (std::find(groups.begin(), groups.end(), p.group) == groups.end())
            groups.push_back(p.group);
        if (!devices_.contains(p.uid))
            roster.push_back({{"name", p.name}, {"group", p.group}});
    }
    state["groups"] = groups;
    state["roster"] = roster; // voices no phone has claimed yet
    if (revealed_) {
        Json distribution = Json::object();
        for (const auto& [uid, vote] : votes_)
            if (const auto device = devices_.find(uid); device != devices_.end())
                distribution[device->second.group].push_back(vote.level ? Json(*vote.level) : Json(nullptr));
        state["distribution"] = distribution;
    }
    return state.dump();
}

Outcome<Joined> Room::join(const std::string& address, const std::string& body) {
    auto request = parseJoinRequest(body, limits_);
    if (!request)
        return std::unexpected(request.error());
    const std::string& name = request->name;
    const std::string& group = request->group;
    std::optional<Participant> existing;
    {
        std::lock_guard lock(mutex_);
        auto [limit, added] = addressJoins_.try_emplace(address, limits_.joinsPerSecond, limits_.joinBurst);
        if (!limit->second.take(Clock::now()))
            return std::unexpected(refuse(429, "too many joins from this address; wait a moment"));
        if (devices_.size() >= limits_.maxParticipants)
            return std::unexpected(
                refuse(409, "the room is full (" + std::to_string(limits_.maxParticipants) + " devices)"));
        for (const auto& [uid, device] : devices_)
            if (lowered(device.name) == lowered(name))
                return std::unexpected(refuse(409, "someone has already joined as " + name));
        for (const auto& p : roster_)
            if (lowered(p.name) == lowered(name))
                existing = p; // a voice of the roster picks up their phone: their group stays
    }
    Participant participant;
    if (existing) {
        participant = *existing;
    } else {
        auto added = committer_->join(name, group);
        if (added.wait_for(kCommitWait) != std::future_status::ready)
            return std::unexpected(refuse(503, "the database is busy; try again"));
        auto result = added.get();
        if (!result)
            return std::unexpected(refuse(409, result.error().message));
        participant = *result;
    }
    Joined joined{participant.uid, randomHex(16)};
    {
        std::lock_guard lock(mutex_);
        if (devices_.contains(participant.uid))
            return std::unexpected(refuse(409, "someone has already joined as " + participant.name));
        Device device{participant.id,   participant.uid,
                      participant.name, participant.group,
                      joined.deviceKey, RateLimit(limits_.votesPerSecond, limits_.voteBurst)};
        devices_.emplace(participant.uid, std::move(device));
        if (!existing)
            roster_.push_back(participant);
    }
    notify({RoomEvent::Kind::Joined, participant, {}});
    return joined;
}

Room::Device* Room::deviceFor(const std::string& uid, const std::string& key) {
    const auto it = devices_.find(uid);
    if (it == devices_.end() || !sameSecret(key, it->second.key))
        return nullptr;
    return &it->second;
}

Outcome<std::string> Room::vote(const std::string& body) {
    auto request = parseVoteRequest(body, limits_, *model_);
    if (!request)
        return std::unexpected(request.error());
    const std::string& uid = request->participant;
    const std::string& key = request->key;
    const std::string& questionId = request->question;
    const std::string& comment = request->comment;
    const std::optional<double> value = request->level;
    Id participantId = 0;
    {
        std::lock_guard lock(mutex_);
        Device* device = deviceFor(uid, key);
        if (!device)
            return std::unexpected(refuse(403, "unknown participant or wrong device key; join again"));
        if (!device->votes.take(Clock::now()))
            return std::unexpected(refuse(429, "too many votes from this device; wait a moment"));
        if (question_ != questionId)
            return std::unexpected(refuse(409, "question " + questionId + " is not open for voting"));
        participantId = device->participantId;
    }
    AnswerEdit edit = value ? AnswerEdit::setLevel(*value) : AnswerEdit{};
    if (!value)
        edit.level = AnswerEdit::Level::Unknown;
    edit.note = comment;
    edit.confidence = value ? Confidence::Medium : Confidence::Low; // don't know: no level, low confidence
    auto committed = committer_->vote({questionId, edit, participantId});
    if (committed.wait_for(kCommitWait) != std::future_status::ready)
        return std::unexpected(refuse(503, "the database is busy; try again"));
    auto answer = committed.get();
    if (!answer)
        return std::unexpected(refuse(500, answer.error().message));
    {
        std::lock_guard lock(mutex_);
        if (question_ == questionId)
            votes_[uid] = Vote{value, comment};
    }
    notify({RoomEvent::Kind::Voted, {}, *answer});
    Json reply{{"question", questionId}, {"level", value ? Json(*value) : Json(nullptr)}, {"saved", true}};
    return reply.dump();
}

} // namespace mw::room
