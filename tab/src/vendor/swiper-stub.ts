/**
 * Stands in for `swiper`, which the `adaptivecards` renderer imports only to draw Carousel cards.
 * No card of this app is a carousel, and Swiper is about a third of the renderer's weight, so the
 * tab's build points `swiper` and `swiper/modules` here (tab/vite.config.ts). A carousel would
 * fail to render and the preview says so; nothing else uses it.
 */
export default class Swiper {
  constructor() {
    throw new Error('Carousel cards are not previewed in this app');
  }
}

export const A11y = {};
export const Autoplay = {};
export const History = {};
export const Keyboard = {};
export const Navigation = {};
export const Pagination = {};
export const Scrollbar = {};
