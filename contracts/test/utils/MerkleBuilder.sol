// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title MerkleBuilder
/// @notice Builds, in a test, Merkle trees whose leaves and proofs are those of OpenZeppelin's
///         StandardMerkleTree for `(address, uint256)` values: leaf = keccak256(bytes.concat(keccak256(
///         abi.encode(account, cumulative)))), nodes hash their children as a sorted pair. Leaves are sorted by
///         hash (as StandardMerkleTree does); with a power-of-two leaf count the root equals the library's.
///         Odd nodes are carried up a level unpaired (roots of other sizes are valid but may differ).
library MerkleBuilder {
    /// @notice The StandardMerkleTree leaf of (account, amount).
    function leaf(address account, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
    }

    /// @notice All layers of the tree over `leaves` (sorted in place, ascending); layers[last][0] is the root.
    function build(bytes32[] memory leaves) internal pure returns (bytes32[][] memory layers) {
        _sort(leaves);
        uint256 depth = 1;
        for (uint256 n = leaves.length; n > 1; n = (n + 1) / 2) {
            depth++;
        }
        layers = new bytes32[][](depth);
        layers[0] = leaves;
        for (uint256 d = 1; d < depth; ++d) {
            bytes32[] memory prev = layers[d - 1];
            bytes32[] memory next = new bytes32[]((prev.length + 1) / 2);
            for (uint256 i; i < next.length; ++i) {
                next[i] = 2 * i + 1 < prev.length ? _hashPair(prev[2 * i], prev[2 * i + 1]) : prev[2 * i];
            }
            layers[d] = next;
        }
    }

    /// @notice The root of `layers`.
    function root(bytes32[][] memory layers) internal pure returns (bytes32) {
        return layers[layers.length - 1][0];
    }

    /// @notice The proof of `target` (a leaf in `layers[0]`); reverts when absent.
    function proof(bytes32[][] memory layers, bytes32 target) internal pure returns (bytes32[] memory) {
        for (uint256 i; i < layers[0].length; ++i) {
            if (layers[0][i] == target) return proofAt(layers, i);
        }
        revert("MerkleBuilder: leaf not in tree");
    }

    /// @notice The proof of the leaf at position `idx` of the sorted leaves `layers[0]`.
    function proofAt(bytes32[][] memory layers, uint256 idx) internal pure returns (bytes32[] memory p) {
        bytes32[] memory tmp = new bytes32[](layers.length);
        uint256 len;
        for (uint256 d; d + 1 < layers.length; ++d) {
            uint256 sib = idx ^ 1;
            if (sib < layers[d].length) tmp[len++] = layers[d][sib];
            idx /= 2;
        }
        p = new bytes32[](len);
        for (uint256 i; i < len; ++i) {
            p[i] = tmp[i];
        }
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function _sort(bytes32[] memory a) private pure {
        // insertion sort for small arrays, heap-free shell sort for large ones
        uint256 n = a.length;
        for (uint256 gap = n / 2; gap > 0; gap /= 2) {
            for (uint256 i = gap; i < n; ++i) {
                bytes32 t = a[i];
                uint256 j = i;
                while (j >= gap && a[j - gap] > t) {
                    a[j] = a[j - gap];
                    j -= gap;
                }
                a[j] = t;
            }
        }
    }
}
