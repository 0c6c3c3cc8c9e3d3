//! The story framed by a host page: the Pym.js message format ([`pym`]) and the framed page's
//! side of Pym.js and AMP ([`frame`]).

pub mod frame;
pub mod pym;
