import Taro from '@tarojs/taro';

export const go = (url: string) => () => void Taro.navigateTo({ url });
