#include "src/print/base/tcp_sequence.hpp"

namespace rawdump::print {

std::size_t TcpFlowKeyHash::operator()(const TcpFlowKey& k) const noexcept {
    std::size_t h = 1469598103934665603ull ^ k.ports ^ (std::size_t(k.version) << 40);
    for (auto b : k.src) h = (h ^ b) * 1099511628211ull;
    for (auto b : k.dst) h = (h ^ b) * 1099511628211ull;
    return h;
}

std::pair<TcpInitialSequence, bool> TcpSequenceTable::lookup(const TcpFlowKey& key, bool syn,
                                                            TcpInitialSequence fresh) {
    // A new conversation allocates one map node; packets of known ones never allocate.
    auto [it, inserted] = flows_.try_emplace(key, fresh);
    if (!inserted && syn) {
        it->second = fresh;
        inserted = true;
    }
    return {it->second, inserted};
}

}  // namespace rawdump::print
